package org.tritondatacenter.origin.cloudapi;

/** JSON answers shaped like CloudAPI's, with the fields the tests assert on. */
final class Samples {
  static final String MACHINE_ID = "7b2c51e4-6fa0-4d05-98a2-6a5e1f2c9d10";
  static final String IMAGE_ID = "2b683a82-a066-11e3-97ab-2faa44701c5a";
  static final String NEW_IMAGE_ID = "c3f0ab31-2a38-4bdf-9f0e-5d7a6e1b4c22";
  static final String PACKAGE_ID = "4dad8aa6-2c7c-e20a-be26-c7f4f1925a9a";
  static final String NETWORK_ID = "9ec60129-9034-47b4-b111-3026f9b1a10f";
  static final String OWNER_ID = "930896af-bf8c-48d4-885c-6573a94b1853";
  static final String JOB_ID = "5d0a3ed6-3b2e-4e0a-9a27-3a8d5b7c1e42";

  private Samples() {}

  static String machine(String id, String state) {
    return """
        {
          "id": "%s",
          "name": "build-1",
          "type": "smartmachine",
          "brand": "joyent",
          "state": "%s",
          "image": "%s",
          "memory": 1024,
          "disk": 25600,
          "metadata": {"user-script": "#!/bin/sh\\necho hi", "root_authorized_keys": "ssh-rsa AAA"},
          "tags": {"triton-origin.build": "b-42", "attempt": 2, "keep": false},
          "created": "2026-01-01T00:00:00.000Z",
          "updated": "2026-01-01T00:05:00+00:00",
          "nics": [{"ip": "10.0.0.5", "mac": "90:b8:d0:aa:bb:cc", "primary": true,
                    "netmask": "255.255.255.0", "gateway": "10.0.0.1", "network": "%s"}],
          "ips": ["10.0.0.5"],
          "networks": ["%s"],
          "primaryIp": "10.0.0.5",
          "firewall_enabled": false,
          "deletion_protection": false,
          "compute_node": "44454c4c-3200-1042-8053-b5c04f383432",
          "package": "g4-highcpu-1G",
          "docker": false,
          "dns_names": ["build-1.inst.alice.us-west-1.cns.example.com"],
          "some_future_field": {"x": 1}
        }
        """
        .formatted(id, state, IMAGE_ID, NETWORK_ID, NETWORK_ID);
  }

  static String image(String id, String state) {
    return """
        {
          "id": "%s",
          "name": "triton-origin-x86_64",
          "version": "24.4.1",
          "os": "smartos",
          "type": "zone-dataset",
          "state": "%s",
          "owner": "%s",
          "public": false,
          "origin": "%s",
          "published_at": "2026-01-02T03:04:05Z",
          "description": "origin image",
          "homepage": "https://example.com/triton-origin",
          "acl": ["%s"],
          "tags": {"role": "origin", "smartdc_service": true},
          "files": [{"compression": "gzip", "sha1": "97f20b32c2016782257176fb58a35e5044f05840",
                     "size": 123456}],
          "requirements": {"min_memory": 256, "brand": "joyent"}
        }
        """
        .formatted(id, state, OWNER_ID, IMAGE_ID, OWNER_ID);
  }

  static String failedImage(String id) {
    return """
        {"id": "%s", "name": "triton-origin-x86_64", "version": "24.4.1", "state": "failed",
         "error": {"code": "PrepareImageDidNotRun",
                   "message": "prepare-image script did not indicate it was run"}}
        """
        .formatted(id);
  }
}
