package dev.redisdb;

/**
 * Jovo's key format: {@link KeyStrategy#jovo()}.
 */
final class JovoKeyStrategy implements KeyStrategy {

	static final JovoKeyStrategy INSTANCE = new JovoKeyStrategy();

	@Override
	public String createKey(String userId, Entry entry, StoreOptions options, TurnContext context) {
		String separator = options.keySeparator();
		String prefix = options.keyPrefix();
		String user = options.hashTag() ? HashTags.tag(userId) : userId;
		StringBuilder key = new StringBuilder(prefix.length() + entry.id().length() + user.length() + 2);
		if (!prefix.isEmpty()) {
			key.append(prefix).append(separator);
		}
		return key.append(entry.id()).append(separator).append(user).toString();
	}

}
