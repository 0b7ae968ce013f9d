package org.tritondatacenter.origin.testkit.auth;

import org.tritondatacenter.origin.testkit.http.Exchange;

/** The parts of a request that signature verification reads. */
interface RequestView {
  String method();

  /** Returns the path and query exactly as sent. */
  String pathAndQuery();

  /** Returns the first value of a header (case-insensitive), or null when it is absent. */
  String header(String name);

  static RequestView of(Exchange exchange) {
    return new RequestView() {
      @Override
      public String method() {
        return exchange.method();
      }

      @Override
      public String pathAndQuery() {
        return exchange.pathAndQuery();
      }

      @Override
      public String header(String name) {
        return exchange.header(name);
      }
    };
  }
}
