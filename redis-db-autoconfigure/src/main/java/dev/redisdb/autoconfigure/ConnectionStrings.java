package dev.redisdb.autoconfigure;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;

/**
 * Parses and masks {@code jovo.redis.connection-string} values. Nothing here ever puts a password into a message.
 */
final class ConnectionStrings {

	static final String FORMAT = "redis[s]://[[user][:password]@][host][:port][/db]";

	private static final Set<String> SCHEMES = Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel");

	/** What follows the user info of a {@code redis://} or {@code rediss://} URI: host, port, database, query. */
	private static final Pattern HOST_PORT_DB = Pattern
		.compile("(\\[[0-9a-fA-F:.]+]|[^:/?#\\[\\]@]+)(:\\d{1,5})?(/\\d*)?/?([?#].*)?");

	/** A Redis URI up to the last '@' of its authority, where a password may hide. */
	private static final Pattern URI_WITH_USER_INFO = Pattern
		.compile("(?i)rediss?(-sentinel)?://[^/?#\\s\"'<>]*@");

	private ConnectionStrings() {
	}

	/**
	 * @param connectionString a Redis URI, may be null
	 * @return the URI with its password (or, where user and password cannot be told apart, its user info) replaced
	 * by {@code ****}
	 */
	static @Nullable String mask(@Nullable String connectionString) {
		if (connectionString == null) {
			return null;
		}
		int authorityStart = connectionString.indexOf("://");
		int at = connectionString.lastIndexOf('@');
		if (authorityStart < 0 || at < authorityStart) {
			return connectionString;
		}
		String userInfo = connectionString.substring(authorityStart + 3, at);
		int colon = userInfo.indexOf(':');
		String maskedUserInfo = (colon >= 0) ? userInfo.substring(0, colon) + ":****" : "****";
		return connectionString.substring(0, authorityStart + 3) + maskedUserInfo + connectionString.substring(at);
	}

	/**
	 * @param text any text, such as a property value or a JSON document
	 * @return the text with the password of every Redis URI in it masked as {@link #mask} does
	 */
	static String maskAll(String text) {
		Matcher uri = URI_WITH_USER_INFO.matcher(text);
		if (!uri.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		do {
			uri.appendReplacement(masked, Matcher.quoteReplacement(mask(uri.group())));
		}
		while (uri.find());
		uri.appendTail(masked);
		return masked.toString();
	}

	/**
	 * @param connectionString the configured value
	 * @return the parsed URI
	 * @throws RedisDbConfigurationException naming the property, the expected format and the masked value
	 */
	static RedisURI parse(String connectionString) {
		int schemeEnd = connectionString.indexOf("://");
		String scheme = (schemeEnd > 0) ? connectionString.substring(0, schemeEnd) : "";
		if (!SCHEMES.contains(scheme)) {
			throw invalid(connectionString, "its scheme must be redis://, rediss:// or redis-sentinel://");
		}
		if (scheme.equals("redis") || scheme.equals("rediss")) {
			String afterUserInfo = connectionString.substring(Math.max(schemeEnd + 3, connectionString.lastIndexOf('@') + 1));
			if (!HOST_PORT_DB.matcher(afterUserInfo).matches()) {
				throw invalid(connectionString, "host, port or database number is malformed");
			}
		}
		RedisURI uri;
		try {
			uri = RedisURI.create(connectionString);
		}
		catch (IllegalArgumentException ex) {
			// Lettuce's message may quote the URI, password included: leave it out.
			throw invalid(connectionString, "it cannot be parsed");
		}
		if ((uri.getHost() == null || uri.getHost().isEmpty()) && uri.getSentinels().isEmpty()) {
			throw invalid(connectionString, "it names no host");
		}
		return uri;
	}

	private static RedisDbConfigurationException invalid(String connectionString, String problem) {
		return new RedisDbConfigurationException("jovo.redis.connection-string",
				"'" + mask(connectionString) + "' is not a valid Redis URI: " + problem, "use the form " + FORMAT
						+ " (or redis-sentinel://), or leave it unset to use spring.data.redis.*");
	}

}
