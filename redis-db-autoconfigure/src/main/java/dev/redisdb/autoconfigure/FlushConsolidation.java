package dev.redisdb.autoconfigure;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;

/**
 * Lets the store's connection flush the commands of concurrent callers together: each command is still written at
 * once, but the socket is flushed once per event-loop pass instead of once per command, so many users' turns share
 * system calls on the client and on the server.
 */
final class FlushConsolidation implements NettyCustomizer {

	@Override
	public void afterChannelInitialized(Channel channel) {
		channel.pipeline()
			.addFirst(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES,
					true));
	}

}
