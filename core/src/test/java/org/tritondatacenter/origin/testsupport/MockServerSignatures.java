package org.tritondatacenter.origin.testsupport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tritondatacenter.origin.testkit.junit.TestFields;

/**
 * Learns the signature values a test sent to the MockWebServers it holds in fields (the usual
 * {@code @StartStop final MockWebServer server}), without the test's help.
 *
 * <p>Before the test, each server still on its default dispatcher gets a {@link Recording} one: a
 * {@link QueueDispatcher}, so {@code server.enqueue(...)} works as before, that notes every request
 * it answers. After the test, requests the test never took from the server are read too. A test
 * that installs its own dispatcher replaces the recording one; its requests are then seen only if
 * the test left them on the server. This class is loaded only where MockWebServer is on the class
 * path.
 */
final class MockServerSignatures {
  private final List<MockWebServer> servers;
  private final Set<String> signatures = ConcurrentHashMap.newKeySet();

  private MockServerSignatures(List<MockWebServer> servers) {
    this.servers = servers;
  }

  /** Starts recording the requests of the test's MockWebServers. */
  static MockServerSignatures watch(ExtensionContext context) {
    MockServerSignatures watch =
        new MockServerSignatures(TestFields.of(context, MockWebServer.class));
    for (MockWebServer server : watch.servers) {
      Dispatcher dispatcher = server.getDispatcher();
      if (dispatcher instanceof Recording recording) {
        // A server kept in a static field, recording since an earlier test.
        recording.owner = watch;
      } else if (dispatcher.getClass() == QueueDispatcher.class && !server.getStarted()) {
        // Only a fresh default dispatcher is replaced: it holds no responses yet to lose.
        server.setDispatcher(new Recording(watch));
      }
    }
    return watch;
  }

  /** Returns every signature value seen, reading the requests the test left on its servers. */
  Set<String> signatures() {
    for (MockWebServer server : servers) {
      try {
        for (RecordedRequest r = take(server); r != null; r = take(server)) {
          note(r);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return signatures;
  }

  private static RecordedRequest take(MockWebServer server) throws InterruptedException {
    return server.takeRequest(0, TimeUnit.MILLISECONDS);
  }

  private void note(RecordedRequest request) {
    Signatures.fromAuthorization(request.getHeaders().get("Authorization"), signatures);
    Signatures.fromTarget(request.getTarget(), signatures);
  }

  /** The default queue dispatcher, noting each request before it answers. */
  static final class Recording extends QueueDispatcher {
    private volatile MockServerSignatures owner;

    Recording(MockServerSignatures owner) {
      this.owner = owner;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      owner.note(request);
      return super.dispatch(request);
    }
  }
}
