package org.tritondatacenter.origin.cloudapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.http.ApiRequest;

/**
 * What the list filters share: query parameters in the order they were set, one value per name, so
 * setting a parameter again replaces it rather than sending it twice.
 */
abstract class QueryFilter {
  private final List<Map.Entry<String, String>> query;

  QueryFilter(Builder<?> builder) {
    this.query = List.copyOf(builder.query);
  }

  /** Adds every parameter to {@code request}'s query string, in order. */
  void addTo(ApiRequest.Builder request) {
    for (Map.Entry<String, String> parameter : query) {
      request.query(parameter.getKey(), parameter.getValue());
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + query;
  }

  /** Collects the parameters; each filter's builder adds the typed setters. */
  abstract static class Builder<B extends Builder<B>> {
    private final List<Map.Entry<String, String>> query = new ArrayList<>();

    @SuppressWarnings("unchecked") // B is the builder's own class, as its declaration says
    B set(String name, String value) {
      query.removeIf(e -> e.getKey().equals(name));
      query.add(Map.entry(name, value));
      return (B) this;
    }
  }
}
