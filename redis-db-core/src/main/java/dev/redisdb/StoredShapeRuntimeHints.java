package dev.redisdb;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection that the JSON codec needs in a native image: Jackson reads and writes the stored shape,
 * {@link DbItem} and its parts, through their constructors, accessors and fields. Registered for Spring's
 * ahead-of-time processing through {@code META-INF/spring/aot.factories}.
 */
final class StoredShapeRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (Class<?> type : new Class<?>[] { DbItem.class, DbItem.UserPart.class, DbItem.SessionPart.class,
				DbItem.HistoryPart.class }) {
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS,
						MemberCategory.ACCESS_DECLARED_FIELDS);
		}
	}

}
