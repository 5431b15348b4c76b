#include "hub/cli/args.h"
#include "hub/core/atomicfile.h"
#include "hub/core/error.h"
#include "hub/core/hash.h"
#include "hub/core/redact.h"
#include "hub/core/strings.h"
#include "hub/core/timeutil.h"
#include "hub/core/types.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace hub;

class TestCore final : public QObject {
    Q_OBJECT

private slots:
    void repoId_parsesOwnerAndName()
    {
        auto id = RepoId::parse("PellelNitram/xournalpp-htr-word-detector");
        QVERIFY(id.ok());
        QCOMPARE(id->ns(), std::string("PellelNitram"));
        QCOMPARE(id->name(), std::string("xournalpp-htr-word-detector"));
        QVERIFY(RepoId::parse("gpt2").ok());
    }

    void repoId_rejectsHostileIds()
    {
        for (const char *bad : {"", "a/", "/b", "a/b/c", "a--b/c", "../x", "a/..", "a b/c", "a/b\n"})
            QVERIFY2(!RepoId::parse(bad).ok(), bad);
        QCOMPARE(RepoId::parse("a/b/c").error().code, ErrorCode::InvalidArgument);
    }

    void repoRef_roundTripsCacheFolderNames()
    {
        RepoRef ref{RepoType::Dataset, *RepoId::parse("PellelNitram/xournalpp_htr_examples")};
        QCOMPARE(ref.cacheFolderName(), std::string("datasets--PellelNitram--xournalpp_htr_examples"));
        auto back = RepoRef::fromCacheFolderName("datasets--PellelNitram--xournalpp_htr_examples");
        QVERIFY(back.has_value());
        QVERIFY(*back == ref);
        QVERIFY(!RepoRef::fromCacheFolderName("blobs").has_value());
        QVERIFY(!RepoRef::fromCacheFolderName("kernels--a--b").has_value());
    }

    void hashes_matchKnownValues()
    {
        QCOMPARE(sha256Hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        // `printf 'hello\n' | git hash-object --stdin`
        QCOMPARE(gitBlobSha1Hex("hello\n"), std::string("ce013625030ba8dba906f756967f9e9ca394464a"));
        QCOMPARE(gitBlobSha1Hex(""), std::string("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"));
    }

    void hashes_ofFilesMatchHashesOfBytes()
    {
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "f.bin";
        std::string data(3 << 20, 'x');
        for (size_t i = 0; i < data.size(); ++i)
            data[i] = static_cast<char>(i * 7);
        std::ofstream(path, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
        QCOMPARE(*sha256File(path), sha256Hex(data));
        QCOMPARE(*gitBlobSha1File(path), gitBlobSha1Hex(data));
        QCOMPARE(sha256File(path.string() + ".missing").error().code, ErrorCode::Io);
    }

    void redact_removesTokensAndSignedQueries()
    {
        const auto s = redactSecrets("GET https://cdn.example/x?Signature=abc&Key=1 with hf_abcdefghijklmnop and "
                                     "Authorization: Bearer hf_zzzzzzzzzz");
        QVERIFY(s.find("hf_abcdefghijklmnop") == std::string::npos);
        QVERIFY(s.find("Signature") == std::string::npos);
        QVERIFY(s.find("zzzz") == std::string::npos);
        QVERIFY(s.find("https://cdn.example/x") != std::string::npos);
        QCOMPARE(redactSecrets("Sign in with a token to see it."), std::string("Sign in with a token to see it."));
        auto e = HubError::make(ErrorCode::Unauthorized, "bad hf_secretsecret1", "url https://h/p?token=x");
        QVERIFY(e.describe().find("secretsecret") == std::string::npos);
        QVERIFY(e.describe().find("token=x") == std::string::npos);
    }

    void atomicWrite_replacesContentAndLeavesNoTemporaryFile()
    {
        QTemporaryDir dir;
        const std::filesystem::path folder = dir.path().toStdString();
        const auto file = folder / "token";
        QCOMPARE(writeFileAtomically(file, "first", 0600), 0);
        QCOMPARE(writeFileAtomically(file, "second", 0600), 0);
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        QCOMPARE(text.str(), std::string("second"));
        struct stat st {};
        QCOMPARE(::stat(file.c_str(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        int entries = 0;
        for ([[maybe_unused]] const auto &e : std::filesystem::directory_iterator(folder))
            ++entries;
        QCOMPARE(entries, 1);
        QCOMPARE(writeFileAtomically(folder / "missing" / "f", "x"), ENOENT);
    }

    void percent_roundTrips()
    {
        QCOMPARE(percentEncode("refs/pr/1"), std::string("refs%2Fpr%2F1"));
        QCOMPARE(percentEncode("a b/c", true), std::string("a%20b/c"));
        QCOMPARE(percentDecode("refs%2Fpr%2F1"), std::string("refs/pr/1"));
        QCOMPARE(percentDecode("a+b%zz%4", true), std::string("a b%zz%4"));
    }

    void safePaths_rejectTraversal()
    {
        QVERIFY(isSafeRepoPath("data/words/a01/a01-000u.png"));
        for (const char *bad : {"", "/etc/passwd", "../x", "a/../b", "a//b", "a/./b", "a\\b", "dir/"})
            QVERIFY2(!isSafeRepoPath(bad), bad);
        QVERIFY(!isSafeRepoPath(std::string_view("a\0b", 3)));
    }

    // Worth trying again later: the network and the server's bad moments, not refusals.
    void errors_transientOnesAreTheRetryableOnes()
    {
        for (auto c : {hub::ErrorCode::Network, hub::ErrorCode::Timeout, hub::ErrorCode::RateLimited,
                       hub::ErrorCode::ServerError})
            QVERIFY2(hub::isTransient(c), hub::errorCodeName(c).data());
        for (auto c : {hub::ErrorCode::EntryNotFound, hub::ErrorCode::Forbidden, hub::ErrorCode::BadResponse,
                       hub::ErrorCode::Cancelled, hub::ErrorCode::DiskFull, hub::ErrorCode::Corrupt})
            QVERIFY2(!hub::isTransient(c), hub::errorCodeName(c).data());
    }

    void time_roundTripsIso()
    {
        QCOMPARE(formatIsoUtc(0), std::string("1970-01-01T00:00:00.000Z"));
        QCOMPARE(*parseIsoUtc("2026-09-22T17:25:10.000Z"), int64_t(1790097910));
        QCOMPARE(*parseIsoUtc(formatIsoUtc(1790097910)), int64_t(1790097910));
        QVERIFY(!parseIsoUtc("yesterday").has_value());
    }

    void sizes_readLikeTheHub()
    {
        QCOMPARE(humanBytes(999), std::string("999 B"));
        QCOMPARE(humanBytes(45'000'000), std::string("45.0 MB"));
        QCOMPARE(humanBytes(1'200'000'000), std::string("1.2 GB"));
    }

    void args_parseOptionsFlagsAndPositionals()
    {
        cli::Args a;
        a.option("revision", "revision").flag("json", "json");
        QVERIFY(a.parse({"org/x", "--revision", "v1", "--json", "f.txt"}));
        QCOMPARE(a.valueOr("revision", ""), std::string("v1"));
        QVERIFY(a.has("json"));
        QCOMPARE(a.positionals().size(), size_t(2));
        cli::Args b;
        b.option("revision", "revision");
        QVERIFY(!b.parse({"--nope"}));
        QVERIFY(!b.parse({"--revision"}));
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "test_core.moc"
