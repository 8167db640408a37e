package dev.redisdb.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.redisdb.Entry;
import dev.redisdb.KeyStrategy;
import dev.redisdb.StoreOptions;
import dev.redisdb.TurnContext;

/**
 * Keys the {@code session} entry by the platform's session id and every other entry by the SHA-256 (hex) of the
 * user id, so that no key shows a user id: {@code myapp:session:<sessionId>}, {@code myapp:user:<sha256>}. Without a
 * session id, the session entry is keyed by the hashed user id too.
 */
final class HashingKeyStrategy implements KeyStrategy {

	static final String SESSION_ENTRY = "session";

	@Override
	public String createKey(String userId, Entry entry, StoreOptions options, TurnContext context) {
		boolean bySession = SESSION_ENTRY.equals(entry.id()) && context.sessionId() != null;
		String owner = bySession ? context.sessionId() : sha256Hex(userId);
		return KeyStrategy.jovo().createKey(owner, entry, options, context);
	}

	static String sha256Hex(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
