package dev.redisdb;

final class JovoKeyStrategy implements KeyStrategy {

	static final JovoKeyStrategy INSTANCE = new JovoKeyStrategy();

	@Override
	public String createKey(String userId, RedisDbProperties.Entry entry, RedisDbProperties properties,
			TurnContext context) {
		String separator = properties.keySeparator();
		String prefix = properties.keyPrefix();
		StringBuilder key = new StringBuilder(prefix.length() + entry.id().length() + userId.length() + 2);
		if (!prefix.isEmpty()) {
			key.append(prefix).append(separator);
		}
		return key.append(entry.id()).append(separator).append(userId).toString();
	}

}
