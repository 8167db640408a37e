package dev.redisdb;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Helpers for asserting on what an exception would print.
 */
public final class Throwables {

	private Throwables() {
	}

	/**
	 * @param failure an exception
	 * @return its stack trace with causes, as printed: to check that no secret or stored value shows anywhere
	 */
	public static String stackTraceOf(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

}
