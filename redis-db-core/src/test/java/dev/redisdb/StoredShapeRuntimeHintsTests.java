package dev.redisdb;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class StoredShapeRuntimeHintsTests {

	@Test
	void aotFactoriesRegisterReflectionForTheStoredShape() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		for (Class<?> type : new Class<?>[] { DbItem.class, DbItem.UserPart.class, DbItem.SessionPart.class,
				DbItem.HistoryPart.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS))
				.as(type.getName())
				.accepts(hints);
		}
	}

}
