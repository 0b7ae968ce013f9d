package org.tritondatacenter.origin.testkit.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds what a running test holds in its fields, for suite-wide extensions that look after it
 * without being told: a secret guard finds the local Tritons and mock servers a test class keeps,
 * the way JUnit itself finds {@code @RegisterExtension} fields.
 */
public final class TestFields {
  private TestFields() {}

  /**
   * Returns the values of the fields of {@code type} that the running test can see: static and
   * instance fields of its class and superclasses, and of the enclosing classes of a
   * {@code @Nested} test. Null fields are left out; each value comes once.
   *
   * @param context the context of a test method, from {@code beforeEach} on
   */
  public static <T> List<T> of(ExtensionContext context, Class<T> type) {
    List<Object> instances =
        context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of());
    Set<Class<?>> classes = new LinkedHashSet<>();
    context.getTestClass().ifPresent(classes::add);
    instances.forEach(i -> classes.add(i.getClass()));
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<T> found = new ArrayList<>();
    for (Class<?> c : classes) {
      List<Field> fields =
          ReflectionSupport.findFields(
              c, f -> type.isAssignableFrom(f.getType()), HierarchyTraversalMode.TOP_DOWN);
      for (Field field : fields) {
        if (Modifier.isStatic(field.getModifiers())) {
          add(field, null, type, seen, found);
        } else {
          for (Object instance : instances) {
            if (field.getDeclaringClass().isInstance(instance)) {
              add(field, instance, type, seen, found);
            }
          }
        }
      }
    }
    return found;
  }

  private static <T> void add(
      Field field, Object instance, Class<T> type, Set<Object> seen, List<T> found) {
    Object value;
    try {
      field.setAccessible(true);
      value = field.get(instance);
    } catch (IllegalAccessException | RuntimeException e) {
      // A field the class path does not let us read (a module's private state): not ours to see.
      return;
    }
    if (type.isInstance(value) && seen.add(value)) {
      found.add(type.cast(value));
    }
  }
}
