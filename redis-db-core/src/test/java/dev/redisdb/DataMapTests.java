package dev.redisdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Typed access to user and session data, whatever number type JSON gave back.
 */
class DataMapTests {

	record Profile(String name, int visits, List<String> tags) {
	}

	@Test
	void readsNumbersAsTheTypeAskedForWhateverJsonGaveBack() {
		DataMap data = new DataMap(Map.of("small", 3, "large", 3_000_000_000L, "decimal", 2.5));
		assertThat(data.get("small", Integer.class)).isEqualTo(3);
		assertThat(data.get("small", Long.class)).isEqualTo(3L);
		assertThat(data.get("large", Long.class)).isEqualTo(3_000_000_000L);
		assertThat(data.get("decimal", Double.class)).isEqualTo(2.5);
	}

	@Test
	void defaultsWhereTheKeyIsAbsentOrNull() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("nothing", null);
		DataMap data = new DataMap(values);
		assertThat(data.get("visits", Integer.class, 0)).isZero();
		assertThat(data.get("nothing", String.class, "none")).isEqualTo("none");
		assertThat(data.get("visits", Integer.class)).isNull();
	}

	@Test
	void readsAndWritesTheAppsOwnRecord() {
		DataMap data = new DataMap(Map.of("name", "Ann", "visits", 3L, "tags", List.of("a"), "other", true));
		Profile profile = data.as(Profile.class);
		assertThat(profile).isEqualTo(new Profile("Ann", 3, List.of("a")));

		data.putProperties(new Profile("Ann", 4, List.of("a", "b")));
		assertThat(data).containsEntry("visits", 4)
			.containsEntry("tags", List.of("a", "b"))
			.containsEntry("other", true);
	}

	@Test
	void readsANestedObjectAsARecord() {
		DataMap data = new DataMap(Map.of("profile", Map.of("name", "Ann", "visits", 1)));
		assertThat(data.get("profile", Profile.class)).isEqualTo(new Profile("Ann", 1, null));
	}

	@Test
	void aValueOfAnotherTypeFailsNamingTheKeyButNotTheValue() {
		DataMap data = new DataMap(Map.of("visits", "PERSONAL"));
		assertThatIllegalArgumentException().isThrownBy(() -> data.get("visits", Integer.class))
			.withMessageStartingWith("Cannot read the value of 'visits' as Integer")
			.withMessageNotContaining("PERSONAL")
			.withNoCause();
	}

	@Test
	void keepsInsertionOrderAndActsAsAMap() {
		DataMap data = new DataMap(null);
		data.put("b", 1);
		data.put("a", 2);
		data.merge("b", 1, (x, y) -> ((Integer) x) + ((Integer) y));
		assertThat(data.keySet()).containsExactly("b", "a");
		assertThat(data).isEqualTo(Map.of("b", 2, "a", 2));
		data.remove("a");
		assertThat(data).hasSize(1);
	}

}
