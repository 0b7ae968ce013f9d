package org.tritondatacenter.origin.runner;

import java.time.Instant;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecordStore;

/**
 * What an adapter gives a step besides its arguments: endpoint resolution, where the run record is
 * kept, who hears the events, the build's own branch, time and commit, the name of the images file
 * it read, and HTTP settings.
 */
public final class StepEnvironment {
  /** The name images file problems are reported under when the adapter gives none. */
  public static final String DEFAULT_IMAGES_SOURCE = "images.json";

  private final EndpointResolver endpoints;
  private final RunRecordStore store;
  private final String storeName;
  private final EventListener listener;
  private final String branch;
  private final Instant timestamp;
  private final String gitCommit;
  private final String imagesSource;
  private final HttpConfig httpConfig;

  private StepEnvironment(Builder b) {
    this.endpoints = Objects.requireNonNull(b.endpoints, "endpoints == null");
    this.store = b.store;
    this.storeName = b.storeName;
    this.listener = b.listener;
    this.branch = b.branch;
    this.timestamp = b.timestamp;
    this.gitCommit = b.gitCommit;
    this.imagesSource = b.imagesSource;
    HttpConfig config = b.httpConfig == null ? HttpConfig.defaults() : b.httpConfig;
    if (b.baseClient != null) {
      config = config.newBuilder().baseClient(b.baseClient).build();
    }
    this.httpConfig = config.newBuilder().listener(b.listener).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public EndpointResolver endpoints() {
    return endpoints;
  }

  public RunRecordStore store() {
    return store;
  }

  /** Names the store in messages, such as a state file path. */
  public String storeName() {
    return storeName;
  }

  public EventListener listener() {
    return listener;
  }

  /** Returns the branch the adapter found (BRANCH_NAME, git), or null. */
  public String branch() {
    return branch;
  }

  /** Returns the build's start time the adapter found, or null. */
  public Instant timestamp() {
    return timestamp;
  }

  /** Returns the commit the adapter found (GIT_COMMIT, git), or null. */
  public String gitCommit() {
    return gitCommit;
  }

  /**
   * Returns the name {@code imagesJson}'s problems are reported under: the file the adapter read it
   * from, or {@value #DEFAULT_IMAGES_SOURCE}.
   */
  public String imagesSource() {
    return imagesSource;
  }

  /** Returns the HTTP settings, whose clock and sleeper also drive every wait. */
  public HttpConfig httpConfig() {
    return httpConfig;
  }

  /** Configures a {@link StepEnvironment}. */
  public static final class Builder {
    private EndpointResolver endpoints;
    private RunRecordStore store = new MemoryRunRecordStore();
    private String storeName = "memory";
    private EventListener listener = EventListener.NONE;
    private String branch;
    private Instant timestamp;
    private String gitCommit;
    private String imagesSource = DEFAULT_IMAGES_SOURCE;
    private HttpConfig httpConfig;
    private OkHttpClient baseClient;

    private Builder() {}

    public Builder endpoints(EndpointResolver resolver) {
      this.endpoints = Objects.requireNonNull(resolver, "resolver == null");
      return this;
    }

    /** Keeps the run record in {@code store}; an in-memory store by default. */
    public Builder store(RunRecordStore store) {
      return store(store, "the run record");
    }

    /** Keeps the run record in {@code store}, named {@code name} in messages. */
    public Builder store(RunRecordStore store, String name) {
      this.store = Objects.requireNonNull(store, "store == null");
      this.storeName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    public Builder listener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Sets what the adapter knows of the build: Jenkins' BRANCH_NAME, GIT_COMMIT and build start,
     * or the command line's git working tree. Step arguments override them.
     */
    public Builder buildDefaults(String branch, Instant timestamp, String gitCommit) {
      this.branch = branch;
      this.timestamp = timestamp;
      this.gitCommit = gitCommit;
      return this;
    }

    /**
     * Names the file the adapter read {@code imagesJson} from, such as a workspace path, so that
     * its problems are reported as {@code <name>:<line>:<column>}; {@value #DEFAULT_IMAGES_SOURCE}
     * by default.
     */
    public Builder imagesSource(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("imagesSource is blank; give the images file's name");
      }
      this.imagesSource = name;
      return this;
    }

    /** Sets the base OkHttp client, such as Jenkins' proxy-aware one. */
    public Builder httpClient(OkHttpClient baseClient) {
      this.baseClient = baseClient;
      return this;
    }

    /** Sets every HTTP setting, including the clock and sleeper (tests use a scaled clock). */
    public Builder httpConfig(HttpConfig httpConfig) {
      this.httpConfig = httpConfig;
      return this;
    }

    public StepEnvironment build() {
      return new StepEnvironment(this);
    }
  }
}
