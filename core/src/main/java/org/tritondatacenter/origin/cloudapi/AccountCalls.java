package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;

/** The account-level lookups of CloudAPI: packages, networks, services and keys. */
final class AccountCalls {
  private static final TypeReference<List<Package>> PACKAGES = new TypeReference<>() {};
  private static final TypeReference<List<Network>> NETWORKS = new TypeReference<>() {};
  private static final TypeReference<List<SshKey>> KEYS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> SERVICES = new TypeReference<>() {};

  private final ApiClient api;
  private final String login;

  AccountCalls(ApiClient api, String login) {
    this.api = api;
    this.login = login;
  }

  List<Package> listPackages(PackageFilter filter) {
    ApiRequest.Builder request = ApiRequest.get("ListPackages").path(login, "packages");
    filter.addTo(request);
    return api.call(request.build(), PACKAGES);
  }

  Package getPackage(String idOrName) {
    String key = Checks.text("package id or name", idOrName);
    return api.call(
        ApiRequest.get("GetPackage").path(login, "packages", key).build(), Package.class);
  }

  List<Network> listNetworks() {
    return api.call(ApiRequest.get("ListNetworks").path(login, "networks").build(), NETWORKS);
  }

  Network getNetwork(String id) {
    String uuid = Checks.uuid("network id", id);
    return api.call(
        ApiRequest.get("GetNetwork").path(login, "networks", uuid).build(), Network.class);
  }

  Services listServices() {
    return new Services(
        api.call(ApiRequest.get("ListServices").path(login, "services").build(), SERVICES));
  }

  List<SshKey> listKeys() {
    return api.call(ApiRequest.get("ListKeys").path(login, "keys").build(), KEYS);
  }

  SshKey getKey(String nameOrFingerprint) {
    String key = Checks.text("key name or fingerprint", nameOrFingerprint);
    return api.call(ApiRequest.get("GetKey").path(login, "keys", key).build(), SshKey.class);
  }
}
