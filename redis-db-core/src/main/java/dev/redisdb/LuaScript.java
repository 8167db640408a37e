package dev.redisdb;

import io.lettuce.core.codec.Base16;


/**
 * A Lua script with its SHA-1, computed once, for {@code EVALSHA}.
 *
 * @param text the script
 * @param sha its SHA-1 in hex
 */
record LuaScript(String text, String sha) {

	static LuaScript of(String text) {
		return new LuaScript(text, sha1Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	static String sha1Hex(byte[] bytes) {
		try {
			return new String(Base16.encode(java.security.MessageDigest.getInstance("SHA-1").digest(bytes), false));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", ex);
		}
	}

}
