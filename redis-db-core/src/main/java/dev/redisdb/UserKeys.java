package dev.redisdb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The Redis keys of one user in one turn, one per entry, as the {@link KeyStrategy} makes them, checked for length.
 * An entry whose key depends on the turn's context (a session entry keyed by session id) is "context-keyed": such a
 * key is not the user's alone, so the store records its owner in the value and the key in the user's index, a hash
 * from such keys to their entry ids at the key of the reserved entry {@value #INDEX_ENTRY_ID}, from which an erasure
 * finds them.
 */
final class UserKeys {

	/** The id of the reserved entry whose key holds a user's index of context-keyed keys. */
	static final String INDEX_ENTRY_ID = "index";

	/** The field of a context-keyed value that names its owner, by {@link #ownerTag(String)}. */
	static final String OWNER_FIELD = "owner";

	private static final Entry INDEX_ENTRY = Entry.of(INDEX_ENTRY_ID);

	private static final int OWNER_TAG_BYTES = 16;

	private final String userId;

	private final String[] names;

	private final boolean[] contextKeyed;

	private final @Nullable String index;

	private UserKeys(String userId, String[] names, boolean[] contextKeyed, @Nullable String index) {
		this.userId = userId;
		this.names = names;
		this.contextKeyed = contextKeyed;
		this.index = index;
	}

	/**
	 * @param userId the user id, checked here
	 * @param context the turn's context
	 * @param strategy makes the keys
	 * @param options the store's options
	 * @return the user's entry keys in this turn
	 * @throws IllegalArgumentException when the user id or a key is not acceptable
	 */
	static UserKeys of(String userId, TurnContext context, KeyStrategy strategy, StoreOptions options) {
		checkUserId(userId, options);
		List<Entry> entries = options.entries();
		String[] names = new String[entries.size()];
		boolean[] contextKeyed = new boolean[entries.size()];
		boolean anyContextKeyed = false;
		for (int i = 0; i < names.length; i++) {
			names[i] = key(strategy, userId, entries.get(i), options, context);
			if (context != TurnContext.none()) {
				contextKeyed[i] = !names[i].equals(key(strategy, userId, entries.get(i), options, TurnContext.none()));
				anyContextKeyed |= contextKeyed[i];
			}
		}
		String index = anyContextKeyed ? indexKey(userId, strategy, options) : null;
		return new UserKeys(userId, names, contextKeyed, index);
	}

	/**
	 * @return every key that may hold data of the user: its entry keys with and without the turn's context, and its
	 * index (whose members an erasure deletes too)
	 */
	static List<String> forErasure(String userId, TurnContext context, KeyStrategy strategy, StoreOptions options) {
		checkUserId(userId, options);
		Set<String> keys = new LinkedHashSet<>();
		for (Entry entry : options.entries()) {
			keys.add(key(strategy, userId, entry, options, context));
			keys.add(key(strategy, userId, entry, options, TurnContext.none()));
		}
		keys.add(indexKey(userId, strategy, options));
		return List.copyOf(keys);
	}

	static String indexKey(String userId, KeyStrategy strategy, StoreOptions options) {
		return key(strategy, userId, INDEX_ENTRY, options, TurnContext.none());
	}

	/** @return a tag of the user id that the user's context-keyed values carry: not the id, which may be personal */
	static String ownerTag(String userId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, OWNER_TAG_BYTES);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	String userId() {
		return this.userId;
	}

	int size() {
		return this.names.length;
	}

	String name(int entry) {
		return this.names[entry];
	}

	List<String> names() {
		return Arrays.asList(this.names);
	}

	boolean isContextKeyed(int entry) {
		return this.contextKeyed[entry];
	}

	/** @return the key of the user's index, or null when no key depends on the turn's context */
	@Nullable String index() {
		return this.index;
	}

	private static String key(KeyStrategy strategy, String userId, Entry entry, StoreOptions options,
			TurnContext context) {
		String key = strategy.createKey(userId, entry, options, context);
		if (key == null || key.isEmpty()) {
			throw new IllegalStateException("The KeyStrategy made no key for entry '" + entry.id() + "'");
		}
		int length = key.getBytes(StandardCharsets.UTF_8).length;
		if (length > options.maxKeyLength()) {
			throw new IllegalArgumentException("The key of entry '" + entry.id() + "' is " + length
					+ " bytes long, more than max-key-length (" + options.maxKeyLength() + "): check the user id"
					+ ((context.sessionId() != null) ? " and the session id" : "") + " of the request");
		}
		return key;
	}

	static void checkUserId(@Nullable String userId, StoreOptions options) {
		if (userId == null || userId.isEmpty()) {
			throw new IllegalArgumentException("userId must not be null or empty");
		}
		if (userId.length() > options.maxUserIdLength()) {
			throw new IllegalArgumentException("userId is " + userId.length() + " characters long, more than "
					+ "max-user-id-length (" + options.maxUserIdLength() + ")");
		}
		if (hasUnpairedSurrogate(userId)) {
			// UTF-8 would turn it into '?', so two ids could share a key.
			throw new IllegalArgumentException("userId is not valid Unicode: it contains an unpaired surrogate");
		}
	}

	private static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
