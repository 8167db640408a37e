package dev.redisdb;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which save script a save runs: the lean one only where there is nothing to check, compare or record. What each
 * script does to the keys is tested against Redis by the store's integration tests.
 */
class SaveScriptTests {

	private static final String[] KEYS = { "myapp:user:u1", "myapp:session:u1" };

	private static final byte[][] VALUES = { bytes("{\"user\":{}}"), bytes("{\"session\":{}}") };

	private static final byte[][] TTLS = { bytes("0"), bytes("1200") };

	private static final byte[][] ENTRY_IDS = { bytes("user"), bytes("session") };

	private static final byte[][] NO_DIGESTS = new byte[2][];

	private static final SaveScript.Guard[] UNCHECKED = { SaveScript.Guard.NONE, SaveScript.Guard.NONE };

	@Test
	void savingKeysThatNeedNoCheckRunsTheLeanScriptWithValuesThenTtls() {
		SaveScript.Call call = SaveScript.call(KEYS, UNCHECKED, NO_DIGESTS, VALUES, TTLS, ENTRY_IDS, false, null, null);
		SaveScript.Call guarded = SaveScript.call(KEYS, UNCHECKED, NO_DIGESTS, VALUES, TTLS, ENTRY_IDS, true, null,
				null);
		assertThat(call.script()).isNotEqualTo(guarded.script());
		assertThat(call.keys()).containsExactly(KEYS);
		assertThat(call.arguments()).isEqualTo(new byte[][] { VALUES[0], VALUES[1], TTLS[0], TTLS[1] });
	}

	@Test
	void aGuardAComparisonAnIndexOrAnEntryLeftAloneNeedTheGuardedScript() {
		RedisScript<Long> lean = SaveScript.call(KEYS, UNCHECKED, NO_DIGESTS, VALUES, TTLS, ENTRY_IDS, false, null, null)
			.script();
		SaveScript.Guard[] oneChecked = { SaveScript.Guard.NONE, SaveScript.Guard.ABSENT_OR_STRING };
		assertThat(SaveScript.call(KEYS, oneChecked, NO_DIGESTS, VALUES, TTLS, ENTRY_IDS, false, null, null).script())
			.as("a key the load did not find").isNotEqualTo(lean);
		assertThat(SaveScript.call(KEYS, UNCHECKED, new byte[][] { bytes("a"), bytes("b") }, VALUES, TTLS, ENTRY_IDS,
				true, null, null).script()).as("a conflict-safe update").isNotEqualTo(lean);
		SaveScript.Guard[] owned = { SaveScript.Guard.NONE, SaveScript.Guard.OWNED };
		assertThat(SaveScript.call(KEYS, owned, NO_DIGESTS, VALUES, TTLS, ENTRY_IDS, false, "myapp:index:u1",
				TTLS[1]).script()).as("a context-keyed key and the user's index").isNotEqualTo(lean);
		byte[][] oneLeftAlone = { VALUES[0], null };
		SaveScript.Call partial = SaveScript.call(KEYS, UNCHECKED, NO_DIGESTS, oneLeftAlone, TTLS, ENTRY_IDS, false,
				null, null);
		assertThat(partial.script()).as("an entry the save does not write").isNotEqualTo(lean);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
