#pragma once
// The sandbox Hub with the demo world on a random loopback port, plus a temporary cache and
// config, for GUI tests.

#include "ui/core/appcontext.h"
#include "ui/core/settings.h"

#include "hub/sandbox/demo.h"
#include "hub/sandbox/server.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

struct SandboxFixture {
    QTemporaryDir dir;
    std::unique_ptr<hub::sandbox::Server> server;
    std::unique_ptr<hubui::Settings> settings;
    std::unique_ptr<hubui::AppContext> context;
    /// LFS blob size divisor: tiny blobs make tests fast; 1 gives the demo world's real sizes.
    int lfsScale = 4096;
    /// Adjusts the transfer engine's options (e.g. a slow journal disk) before it starts.
    std::function<void(hub::EngineOptions &)> tuneEngine;

    /// Returns false (after QVERIFY-style reporting by the caller) when the sandbox cannot start.
    bool start(const char *token = hub::sandbox::demo::kDemoOwnerToken)
    {
        QStandardPaths::setTestModeEnabled(true);
        hub::sandbox::ServerOptions so;
        so.demo = true;
        so.demoLfsScale = lfsScale;
        so.dataDir = dir.filePath(QStringLiteral("data")).toStdString();
        auto s = hub::sandbox::Server::start(so);
        if (!s) {
            qWarning("sandbox: %s", s.error().describe().c_str());
            return false;
        }
        server = std::move(*s);
        settings = std::make_unique<hubui::Settings>(dir.filePath(QStringLiteral("config")));
        hubui::AppContext::Connection c;
        c.client.endpoint = server->baseUrl();
        c.client.token = token ? token : "";
        c.client.retry.maxRetries = 0;
        c.cacheDir = dir.filePath(QStringLiteral("cache"));
        c.stateDir = dir.filePath(QStringLiteral("state"));
        c.sandbox = true;
        c.tuneEngine = tuneEngine;
        context = std::make_unique<hubui::AppContext>(*settings, c);
        return true;
    }

    ~SandboxFixture()
    {
        context.reset(); // stops the transfer engine before the server
        server.reset();
    }
};
