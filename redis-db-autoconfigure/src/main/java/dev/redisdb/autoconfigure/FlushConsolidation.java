package dev.redisdb.autoconfigure;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;

/**
 * Lets the store's connection flush the commands of concurrent callers together when many of them are sending at
 * once, so that their turns share system calls on the client and on the server, without delaying the commands of a
 * few callers: see {@link LoadAwareFlushHandler}.
 */
final class FlushConsolidation implements NettyCustomizer {

	@Override
	public void afterChannelInitialized(Channel channel) {
		channel.pipeline().addFirst(new LoadAwareFlushHandler());
	}

}
