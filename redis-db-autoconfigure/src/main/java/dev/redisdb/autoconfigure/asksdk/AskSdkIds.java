package dev.redisdb.autoconfigure.asksdk;

import java.util.Optional;
import java.util.function.Function;

import com.amazon.ask.exception.PersistenceException;
import com.amazon.ask.model.Context;
import com.amazon.ask.model.Device;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.User;
import com.amazon.ask.model.interfaces.system.SystemState;

/**
 * The ids a {@link RedisPersistenceAdapter} can store persistent attributes under, taken from the request envelope
 * as the ASK SDK's DynamoDB adapter takes its partition keys. Each function throws {@link PersistenceException} when
 * the envelope lacks the id.
 *
 * @since 0.2.0
 */
public final class AskSdkIds {

	private AskSdkIds() {
	}

	/**
	 * The Alexa user id, {@code context.System.user.userId}: one per Amazon account and skill, so data follows the
	 * account to every device. The default.
	 * @return the function
	 */
	public static Function<RequestEnvelope, String> userId() {
		return (envelope) -> systemOf(envelope).map(SystemState::getUser)
			.map(User::getUserId)
			.filter((id) -> !id.isEmpty())
			.orElseThrow(() -> missing("context.System.user.userId"));
	}

	/**
	 * The device id, {@code context.System.device.deviceId}: one per device and skill, so everyone using a device
	 * shares its data.
	 * @return the function
	 */
	public static Function<RequestEnvelope, String> deviceId() {
		return (envelope) -> systemOf(envelope).map(SystemState::getDevice)
			.map(Device::getDeviceId)
			.filter((id) -> !id.isEmpty())
			.orElseThrow(() -> missing("context.System.device.deviceId"));
	}

	private static Optional<SystemState> systemOf(RequestEnvelope envelope) {
		return Optional.ofNullable(envelope).map(RequestEnvelope::getContext).map(Context::getSystem);
	}

	private static PersistenceException missing(String path) {
		return new PersistenceException("Cannot key persistent attributes: the request envelope has no " + path);
	}

}
