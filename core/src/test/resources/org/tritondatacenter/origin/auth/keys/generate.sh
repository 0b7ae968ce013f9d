#!/bin/sh
# Regenerates the key fixtures and fingerprints.txt. The expected fingerprints come from
# ssh-keygen -l, never from the code under test. Run from this directory; needs OpenSSH and OpenSSL.
set -eu
PASS='fixture-passphrase-42'
rm -f openssh-* pem-* pkcs8-* fingerprints.txt

gen() { # name format(OPENSSH|PEM|PKCS8) passphrase ssh-keygen-type-args...
  name=$1; format=$2; pass=$3; shift 3
  if [ "$format" = OPENSSH ]; then set -- "$@"; else set -- "$@" -m "$format"; fi
  ssh-keygen -q "$@" -N "$pass" -C "fixture-$name" -f "$name"
}
for enc in '' '-enc'; do
  if [ -n "$enc" ]; then p=$PASS; else p=''; fi
  gen "openssh-rsa$enc" OPENSSH "$p" -t rsa -b 2048
  gen "openssh-ecdsa256$enc" OPENSSH "$p" -t ecdsa -b 256
  gen "openssh-ecdsa384$enc" OPENSSH "$p" -t ecdsa -b 384
  gen "openssh-ecdsa521$enc" OPENSSH "$p" -t ecdsa -b 521
  gen "openssh-ed25519$enc" OPENSSH "$p" -t ed25519
  for format in PEM PKCS8; do
    prefix=$(echo "$format" | tr 'A-Z' 'a-z')
    gen "$prefix-rsa$enc" "$format" "$p" -t rsa -b 2048
    gen "$prefix-ecdsa256$enc" "$format" "$p" -t ecdsa -b 256
    gen "$prefix-ecdsa384$enc" "$format" "$p" -t ecdsa -b 384
    gen "$prefix-ecdsa521$enc" "$format" "$p" -t ecdsa -b 521
  done
done

# Legacy PEM encrypted with a cipher other than ssh-keygen's AES-128-CBC.
openssl rsa -in pem-rsa -traditional -aes256 -passout "pass:$PASS" -out pem-rsa-aes256-enc 2>/dev/null
cp pem-rsa.pub pem-rsa-aes256-enc.pub

# Ed25519 in PKCS#8: ssh-keygen 9.2 cannot write or read it, so OpenSSL makes the key and the
# .pub is assembled from the raw 32-byte public key in the SSH wire format (RFC 8709).
openssl genpkey -algorithm ed25519 -out pkcs8-ed25519
openssl pkcs8 -topk8 -in pkcs8-ed25519 -v2 aes-256-cbc -passout "pass:$PASS" -out pkcs8-ed25519-enc
blob=$( (printf '\000\000\000\013ssh-ed25519\000\000\000\040'
  openssl pkey -in pkcs8-ed25519 -pubout -outform DER | tail -c 32) | base64 -w0)
echo "ssh-ed25519 $blob fixture-pkcs8-ed25519" > pkcs8-ed25519.pub
cp pkcs8-ed25519.pub pkcs8-ed25519-enc.pub

# Key types nobody accepts, for the unsupported-type cases.
gen openssh-dsa OPENSSH '' -t dsa
gen pem-dsa PEM '' -t dsa
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -out pkcs8-secp256k1

for pub in *.pub; do
  name=${pub%.pub}
  md5=$(ssh-keygen -l -E md5 -f "$pub" | awk '{print $2}' | sed 's/^MD5://')
  sha=$(ssh-keygen -l -E sha256 -f "$pub" | awk '{print $2}')
  echo "$name $md5 $sha" >> fingerprints.txt
done
chmod 600 openssh-* pem-* pkcs8-*
chmod 644 ./*.pub fingerprints.txt
