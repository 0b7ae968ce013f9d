package org.tritondatacenter.origin.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

@ExtendWith(TestFieldsTest.Finder.class)
class TestFieldsTest {
  /** A type only these fields have, so nothing else of JUnit's or ours is found. */
  record Marker(String name) {}

  /** What {@link TestFields#of} returned for the running test, before it ran. */
  static final List<Marker> FOUND = new ArrayList<>();

  static final Marker SHARED = new Marker("static");
  static Marker unset;

  final Marker own = new Marker("instance");
  final Marker sameAsShared = SHARED;

  /** Looks the fields up as a suite-wide extension does, in {@code beforeEach}. */
  static final class Finder implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
      FOUND.clear();
      FOUND.addAll(TestFields.of(context, Marker.class));
    }
  }

  @Test
  void of_staticAndInstanceFields_findsEachValueOnceAndSkipsNulls() {
    assertThat(FOUND).extracting(Marker::name).containsExactlyInAnyOrder("static", "instance");
  }

  static class Base {
    final Marker inherited = new Marker("inherited");
  }

  @Nested
  class Inner {
    final Marker inner = new Marker("inner");

    @Test
    void of_nestedTest_findsTheEnclosingInstancesFieldsToo() {
      assertThat(FOUND)
          .extracting(Marker::name)
          .containsExactlyInAnyOrder("static", "instance", "inner");
    }
  }

  @Nested
  class Inheriting extends Base {
    @Test
    void of_superclassField_isFound() {
      assertThat(FOUND).extracting(Marker::name).contains("inherited", "instance");
    }
  }
}
