package dev.redisdb.autoconfigure;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * A stored element of {@link RedisDbProperties} with the defaults its record declares, for the short forms
 * ({@code session: true}) and for history flags given without any other history setting; so that each default is
 * written once, on the record.
 */
final class StoredElementDefaults {

	private static final Binder NO_PROPERTIES = new Binder();

	private StoredElementDefaults() {
	}

	static <T> T of(Class<T> elementType) {
		return NO_PROPERTIES.bindOrCreate("jovo.redis.stored-elements.element", Bindable.of(elementType));
	}

}
