package dev.redisdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaScriptKeyOrderTests {

	@Test
	void arrayIndexesAreCanonicalIntegersBelowTwoToThe32ndMinusOne() {
		assertThat(JavaScriptKeyOrder.arrayIndex("0")).isZero();
		assertThat(JavaScriptKeyOrder.arrayIndex("10")).isEqualTo(10);
		assertThat(JavaScriptKeyOrder.arrayIndex("4294967294")).isEqualTo(4294967294L);
		assertThat(JavaScriptKeyOrder.arrayIndex(7)).isEqualTo(7);
		for (Object other : new Object[] { "", "01", "-1", "1.5", "+1", " 1", "1e3", "4294967295", "99999999999", "a",
				-1, 1.0, null }) {
			assertThat(JavaScriptKeyOrder.arrayIndex(other)).as("%s", other).isEqualTo(-1);
		}
	}

	@Test
	void putsArrayIndexesFirstAscendingThenOtherKeysInInsertionOrder() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("b", 1);
		map.put("10", 2);
		map.put("2", 3);
		map.put("01", 4);
		map.put("-1", 5);
		map.put("a", 6);
		assertThat(new ArrayList<Object>(JavaScriptKeyOrder.inJavaScriptOrder(map).keySet()))
			.containsExactly("2", "10", "b", "01", "-1", "a");
	}

	@Test
	void returnsTheMapItselfWhenItIsInOrderAlready() {
		Map<String, Object> names = new LinkedHashMap<>();
		names.put("b", 1);
		names.put("a", 2);
		assertThat(JavaScriptKeyOrder.inJavaScriptOrder(names)).isSameAs(names);
		Map<String, Object> indexesFirst = new LinkedHashMap<>();
		indexesFirst.put("1", 1);
		indexesFirst.put("3", 2);
		indexesFirst.put("b", 3);
		indexesFirst.put("02", 4);
		assertThat(JavaScriptKeyOrder.inJavaScriptOrder(indexesFirst)).isSameAs(indexesFirst);
		assertThat(JavaScriptKeyOrder.inJavaScriptOrder(Map.of())).isEqualTo(Map.of());
	}

}
