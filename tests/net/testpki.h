#pragma once
// A throw-away certificate authority for the network tests, made with the OpenSSL API at test
// time (nothing is shipped, nothing touches the system store): a CA, and server certificates it
// signs for chosen names and validity windows, written as PEM files into a folder.

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace nettest {

namespace fs = std::filesystem;

struct KeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CertFree {
    void operator()(X509 *c) const { X509_free(c); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, CertFree>;

inline void check(bool ok, const char *what)
{
    if (!ok)
        throw std::runtime_error(std::string("test PKI: ") + what + " failed");
}

inline Key newKey()
{
    Key k(EVP_EC_gen("P-256"));
    check(k != nullptr, "EVP_EC_gen");
    return k;
}

inline void addExtension(X509 *cert, X509 *issuer, int nid, const std::string &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    check(ext != nullptr, "X509V3_EXT_conf_nid");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

/// One certificate. `issuer`/`issuerKey` null: self-signed (a CA). `sans` like
/// "DNS:localhost,IP:127.0.0.1". Validity from now + notBefore to now + notAfter (seconds).
inline Cert makeCert(EVP_PKEY *key, const std::string &commonName, X509 *issuer, EVP_PKEY *issuerKey, bool ca,
                     const std::string &sans, long notBefore, long notAfter)
{
    static long serial = 1000;
    Cert c(X509_new());
    check(c != nullptr, "X509_new");
    X509_set_version(c.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(c.get()), ++serial);
    X509_gmtime_adj(X509_getm_notBefore(c.get()), notBefore);
    X509_gmtime_adj(X509_getm_notAfter(c.get()), notAfter);
    X509_set_pubkey(c.get(), key);
    X509_NAME *name = X509_get_subject_name(c.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("HubDesk tests"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName.c_str()),
                               -1, -1, 0);
    X509 *signer = issuer ? issuer : c.get();
    X509_set_issuer_name(c.get(), X509_get_subject_name(signer));
    addExtension(c.get(), signer, NID_subject_key_identifier, "hash");
    addExtension(c.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (ca) {
        addExtension(c.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(c.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(c.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(c.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        addExtension(c.get(), signer, NID_ext_key_usage, "serverAuth");
        if (!sans.empty())
            addExtension(c.get(), signer, NID_subject_alt_name, sans);
    }
    check(X509_sign(c.get(), issuerKey ? issuerKey : key, EVP_sha256()) > 0, "X509_sign");
    return c;
}

inline void writePem(const fs::path &path, X509 *cert)
{
    FILE *f = std::fopen(path.c_str(), "wb");
    check(f != nullptr, "fopen");
    const bool ok = PEM_write_X509(f, cert) == 1;
    std::fclose(f);
    check(ok, "PEM_write_X509");
}

inline void writePem(const fs::path &path, EVP_PKEY *key)
{
    FILE *f = std::fopen(path.c_str(), "wb");
    check(f != nullptr, "fopen");
    const bool ok = PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    std::fclose(f);
    check(ok, "PEM_write_PrivateKey");
}

/// A CA and the PEM files of server certificates it signed.
class TestCa {
public:
    TestCa(fs::path dir, const std::string &name) : m_dir(std::move(dir)), m_name(name)
    {
        fs::create_directories(m_dir);
        m_key = newKey();
        m_cert = makeCert(m_key.get(), name + " Root CA", nullptr, nullptr, true, {}, -3600, 10L * 365 * 86400);
        writePem(caFile(), m_cert.get());
    }
    /// The CA certificate: what a company would hand out as its "CA bundle".
    fs::path caFile() const { return m_dir / (m_name + "-ca.pem"); }

    struct ServerFiles {
        fs::path cert;
        fs::path key;
    };
    /// A server certificate for `sans`, valid from now+notBefore to now+notAfter seconds.
    ServerFiles issue(const std::string &label, const std::string &sans = "DNS:localhost,IP:127.0.0.1,IP:::1",
                      long notBefore = -3600, long notAfter = 30L * 86400) const
    {
        Key key = newKey();
        Cert cert = makeCert(key.get(), label, m_cert.get(), m_key.get(), false, sans, notBefore, notAfter);
        ServerFiles out{m_dir / (m_name + "-" + label + ".pem"), m_dir / (m_name + "-" + label + ".key")};
        writePem(out.cert, cert.get());
        writePem(out.key, key.get());
        return out;
    }

private:
    fs::path m_dir;
    std::string m_name;
    Key m_key;
    Cert m_cert;
};

} // namespace nettest
