package dev.redisdb;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * {@link RedisUserStore#delete}: every key of the user, with and without the turn's context, the context-keyed
 * keys its index lists and the index, in one script on a single server and slot by slot on a cluster.
 */
final class UserErasure {

	/** KEYS: the user's keys, its index last. ARGV[1]: '1' when the index holds members. */
	private static final RedisScript<Long> DELETE_SCRIPT = RedisScript.of("""
			local deleted = 0
			if ARGV[1] == '1' then
			  for _, member in ipairs(redis.call('HKEYS', KEYS[#KEYS])) do
			    deleted = deleted + redis.call('DEL', member)
			  end
			end
			redis.call('DEL', KEYS[#KEYS])
			for i = 1, #KEYS - 1 do
			  deleted = deleted + redis.call('DEL', KEYS[i])
			end
			return deleted
			""", Long.class);

	private final StoreOptions options;

	private final KeyStrategy keyStrategy;

	private final RedisCalls redis;

	private final SlotRouting slotRouting;

	UserErasure(StoreOptions options, KeyStrategy keyStrategy, RedisCalls redis, SlotRouting slotRouting) {
		this.options = options;
		this.keyStrategy = keyStrategy;
		this.redis = redis;
		this.slotRouting = slotRouting;
	}

	long erase(String userId, TurnContext context) {
		Assert.notNull(context, "context must not be null");
		List<String> keys = UserKeys.forErasure(userId, context, this.keyStrategy, this.options);
		if (this.slotRouting.isCluster()) {
			String index = keys.get(keys.size() - 1);
			List<String> all = new ArrayList<>(keys.subList(0, keys.size() - 1));
			all.addAll(this.redis.hashFields("delete user", index));
			long deleted = 0;
			for (List<String> slot : SlotRouting.bySlot(all)) {
				deleted += this.redis.del("delete user", slot);
			}
			this.redis.del("delete user", List.of(index));
			return deleted;
		}
		return this.redis.eval("delete user", DELETE_SCRIPT, keys, new byte[][] { { '1' } });
	}

}
