package dev.redisdb;

final class JovoKeyStrategy implements KeyStrategy {

	static final JovoKeyStrategy INSTANCE = new JovoKeyStrategy();

	@Override
	public String createKey(String userId, RedisDbProperties.Entry entry, RedisDbProperties properties,
			TurnContext context) {
		String separator = properties.keySeparator();
		String prefix = properties.keyPrefix();
		String user = properties.hashTag() ? HashTags.tag(userId) : userId;
		StringBuilder key = new StringBuilder(prefix.length() + entry.id().length() + user.length() + 2);
		if (!prefix.isEmpty()) {
			key.append(prefix).append(separator);
		}
		return key.append(entry.id()).append(separator).append(user).toString();
	}

}
