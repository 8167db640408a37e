package dev.redisdb;

/**
 * The user id part of a key as a Redis Cluster hash tag: {@code {<escaped id>}}. Redis hashes a key by the text
 * between its first <code>&#123;</code> and the next <code>&#125;</code>, so the id is escaped to contain neither:
 * {@code %} becomes {@code %25}, <code>&#123;</code> becomes {@code %7B} and <code>&#125;</code> becomes
 * {@code %7D}. Escaping the escape character keeps the mapping injective (distinct ids, distinct tags) and
 * reversible ({@link #unescape}); ids without these three characters, such as Alexa's or Google's, are kept as they
 * are.
 */
final class HashTags {

	private HashTags() {
	}

	/**
	 * @param userId the user id, not empty
	 * @return the id escaped and wrapped in braces
	 */
	static String tag(String userId) {
		return "{" + escape(userId) + "}";
	}

	static String escape(String userId) {
		StringBuilder escaped = null;
		for (int i = 0; i < userId.length(); i++) {
			char c = userId.charAt(i);
			String replacement = switch (c) {
				case '%' -> "%25";
				case '{' -> "%7B";
				case '}' -> "%7D";
				default -> null;
			};
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(userId.length() + 8).append(userId, 0, i);
			}
			if (escaped != null) {
				if (replacement != null) {
					escaped.append(replacement);
				}
				else {
					escaped.append(c);
				}
			}
		}
		return (escaped != null) ? escaped.toString() : userId;
	}

	/**
	 * The inverse of {@link #escape}, for tools that read user ids back from keys.
	 * @param escaped an escaped id
	 * @return the original id
	 * @throws IllegalArgumentException when {@code escaped} is not the result of {@link #escape}
	 */
	static String unescape(String escaped) {
		StringBuilder id = new StringBuilder(escaped.length());
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c != '%') {
				id.append(c);
				continue;
			}
			String code = (i + 3 <= escaped.length()) ? escaped.substring(i + 1, i + 3) : "";
			id.append(switch (code) {
				case "25" -> '%';
				case "7B" -> '{';
				case "7D" -> '}';
				default -> throw new IllegalArgumentException("'%" + code + "' at index " + i + " is no escape of HashTags");
			});
			i += 2;
		}
		return id.toString();
	}

}
