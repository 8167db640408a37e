package dev.redisdb.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoadAwareFlushHandler} on a real single-threaded event loop: which flushes reach the socket at once, and
 * that none is lost.
 */
class LoadAwareFlushHandlerTests {

	private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);

	private final AtomicInteger flushesPassed = new AtomicInteger();

	private Channel server;

	private Channel channel;

	@BeforeEach
	void connect() throws InterruptedException {
		LocalAddress address = new LocalAddress(LoadAwareFlushHandlerTests.class);
		this.server = new ServerBootstrap().group(this.loops)
			.channel(LocalServerChannel.class)
			.childHandler(new ChannelInboundHandlerAdapter())
			.bind(address)
			.sync()
			.channel();
		this.channel = new Bootstrap().group(this.loops).channel(LocalChannel.class).handler(new ChannelInitializer<>() {

			@Override
			protected void initChannel(Channel channel) {
				new FlushConsolidation().afterChannelInitialized(channel);
				channel.pipeline().addFirst(new FlushCounter());
			}

		}).connect(address).sync().channel();
		assertThat(this.channel.pipeline().get(LoadAwareFlushHandler.class)).isNotNull();
	}

	@AfterEach
	void close() throws InterruptedException {
		this.channel.close().sync();
		this.server.close().sync();
		this.loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
	}

	@Test
	void flushesAtOnceWhileTheEventLoopHasLittleQueued() throws Exception {
		onEventLoop(() -> {
			queueTasks(LoadAwareFlushHandler.BUSY_QUEUE - 1);
			this.channel.writeAndFlush("a");
			this.channel.writeAndFlush("b");
			assertThat(this.flushesPassed).hasValue(2);
		});
	}

	@Test
	void flushesTogetherAfterTheQueuedTasksWhileManyAreQueued() throws Exception {
		onEventLoop(() -> {
			queueTasks(LoadAwareFlushHandler.BUSY_QUEUE);
			for (int i = 0; i < 5; i++) {
				this.channel.writeAndFlush("command " + i);
			}
			assertThat(this.flushesPassed).hasValue(0);
		});
		onEventLoop(() -> assertThat(this.flushesPassed).hasValue(1));
	}

	@Test
	void flushesAtTheEndOfARead() throws Exception {
		onEventLoop(() -> {
			this.channel.pipeline().fireChannelRead("reply");
			this.channel.writeAndFlush("a");
			this.channel.writeAndFlush("b");
			assertThat(this.flushesPassed).hasValue(0);
			this.channel.pipeline().fireChannelReadComplete();
			assertThat(this.flushesPassed).hasValue(1);
		});
	}

	@Test
	void flushesWhatWasDeferredWhenTheChannelCloses() throws Exception {
		onEventLoop(() -> {
			this.channel.pipeline().fireChannelRead("reply");
			this.channel.writeAndFlush("a");
			this.channel.close();
			assertThat(this.flushesPassed).hasValue(1);
		});
	}

	private void queueTasks(int count) {
		for (int i = 0; i < count; i++) {
			this.channel.eventLoop().execute(() -> {
			});
		}
	}

	/** Runs on the channel's event loop and waits for it, so that the loop's queue is what the test makes it. */
	private void onEventLoop(Runnable action) throws Exception {
		EventLoop loop = this.channel.eventLoop();
		CountDownLatch done = new CountDownLatch(1);
		Throwable[] failure = new Throwable[1];
		loop.execute(() -> {
			try {
				action.run();
			}
			catch (Throwable ex) {
				failure[0] = ex;
			}
			finally {
				done.countDown();
			}
		});
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		if (failure[0] instanceof Exception ex) {
			throw ex;
		}
		if (failure[0] instanceof Error error) {
			throw error;
		}
	}

	/** Sits between the handler and the socket: counts the flushes the handler lets through. */
	private final class FlushCounter extends ChannelOutboundHandlerAdapter {

		@Override
		public void flush(ChannelHandlerContext context) {
			LoadAwareFlushHandlerTests.this.flushesPassed.incrementAndGet();
			context.flush();
		}

	}

}
