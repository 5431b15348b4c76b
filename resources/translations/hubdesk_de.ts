<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/signin/accountservice.cpp" line="+124"/>
        <source>The stored token could not be read.</source>
        <translation>Das gespeicherte Token konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/transferadapter.cpp" line="+109"/>
        <source>Retrying: %1</source>
        <translation>Neuer Versuch: %1</translation>
    </message>
    <message>
        <location filename="../../app/hubdesk/main.cpp" line="+37"/>
        <source>Starting the sandbox Hub on this computer… (the first time it builds its demo project, which takes a few seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>HubDesk cannot start</source>
        <translation>HubDesk kann nicht starten</translation>
    </message>
    <message>
        <location filename="../../ui/cache/pages.cpp" line="+18"/>
        <source>Local cache</source>
        <translation>Lokaler Cache</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.cpp" line="+14"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new endpoint, cache folder, proxy and CA bundle are used from the next start of HubDesk.</source>
        <translation>Der neue Endpunkt, Cache-Ordner, Proxy und das CA-Bundle gelten ab dem nächsten Start von HubDesk.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/pages.cpp" line="+14"/>
        <source>&amp;Sign in or switch account…</source>
        <translation>&amp;Anmelden oder Konto wechseln…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/pages.cpp" line="+33"/>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../app/hubdesk/main.cpp" line="-69"/>
        <source>HubDesk</source>
        <translation>HubDesk</translation>
    </message>
    <message>
        <location filename="../../ui/upload/pages.cpp" line="+139"/>
        <source>%1 (%2 access)</source>
        <translation>%1 (Zugriff: %2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Upload files to this repository…</source>
        <translation>Dateien in dieses Repository &amp;hochladen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a repository first, then upload files to it (or drop files onto its window).</source>
        <translation>Öffnen Sie zuerst ein Repository und laden Sie dann Dateien hinein (oder ziehen Sie Dateien auf sein Fenster).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files to upload</source>
        <translation>Hochzuladende Dateien</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Files to add to pull request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Upload started; see Transfers.</source>
        <translation>Upload gestartet; siehe Übertragungen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Upload failed</source>
        <translation>Upload fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The upload to %1 failed: %2</source>
        <translation>Der Upload nach %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Branch changed</source>
        <translation>Branch geändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a &amp;pull request</source>
        <translation>&amp;Pull Request öffnen</translation>
    </message>
</context>
<context>
    <name>hubui::AccountService</name>
    <message>
        <location filename="../../ui/signin/accountservice.cpp" line="-51"/>
        <source>Paste a token first. You can create one at huggingface.co/settings/tokens.</source>
        <translation>Fügen Sie zuerst ein Token ein. Sie können eines unter huggingface.co/settings/tokens erstellen.</translation>
    </message>
</context>
<context>
    <name>hubui::AppContext</name>
    <message>
        <location filename="../../ui/core/appcontext.cpp" line="+139"/>
        <source>Offline mode is on (HF_HUB_OFFLINE): only the local cache is shown.</source>
        <translation>Offline-Modus ist aktiv (HF_HUB_OFFLINE): Nur der lokale Cache wird angezeigt.</translation>
    </message>
</context>
<context>
    <name>hubui::CacheBadge</name>
    <message>
        <location filename="../../ui/core/cachestatus.cpp" line="+17"/>
        <source>Not downloaded</source>
        <translation>Nicht heruntergeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update available</source>
        <translation>Aktualisierung verfügbar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No file of this repo is in the local cache.</source>
        <translation>Keine Datei dieses Repos ist im lokalen Cache.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files of this repo are in the local cache.</source>
        <translation>Dateien dieses Repos sind im lokalen Cache.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cached main branch is older than the Hub&apos;s: download it again to get the newest version.</source>
        <translation>Der main-Branch im Cache ist älter als der auf dem Hub: Laden Sie ihn erneut herunter, um die neueste Version zu erhalten.</translation>
    </message>
</context>
<context>
    <name>hubui::CacheModel</name>
    <message>
        <location filename="../../ui/cache/cachemodel.cpp" line="+96"/>
        <source>(detached)</source>
        <translation>(nicht referenziert)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 is missing from this snapshot</source>
        <translation>%1 fehlt in diesem Snapshot</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Bytes that only this entry uses: what deleting it frees</source>
        <translation>Bytes, die nur dieser Eintrag belegt: so viel gibt das Löschen frei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes also used by another revision of the same repository: they stay</source>
        <translation>Bytes, die auch eine andere Revision desselben Repositorys belegt: Diese bleiben erhalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size on disk</source>
        <translation>Größe auf der Festplatte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusive</source>
        <translation>Exklusiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Refs</source>
        <translation>Refs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Partial downloads</source>
        <translation>Unvollständige Downloads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (unfinished file %2)</source>
        <translation>%1 (unfertige Datei %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xet cache</source>
        <translation>Xet-Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared blob store</source>
        <translation>Gemeinsamer Blob-Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored file %1</source>
        <translation>Gespeicherte Datei %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Damaged: %1</source>
        <translation>Beschädigt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading now</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interrupted download</source>
        <translation>Unterbrochener Download</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunk cache of the Xet client; can only be emptied as a whole</source>
        <translation>Chunk-Cache des Xet-Clients; kann nur als Ganzes geleert werden</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n stored file(s), each kept once for every repository that uses it</source>
        <translation>
            <numerusform>%n gespeicherte Datei, einmal für alle Repositorys abgelegt, die sie nutzen</numerusform>
            <numerusform>%n gespeicherte Dateien, je einmal für alle Repositorys abgelegt, die sie nutzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n used by no repository</source>
        <translation>
            <numerusform>%n von keinem Repository genutzt</numerusform>
            <numerusform>%n von keinem Repository genutzt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Used by %1</source>
        <translation>Genutzt von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used by no repository</source>
        <translation>Von keinem Repository genutzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No repository links to it, but it has no manifest: kept</source>
        <translation>Kein Repository verweist darauf, aber es fehlt das Manifest: bleibt erhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not referenced</source>
        <translation>Nicht referenziert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location filename="../../ui/cache/cachepage.cpp" line="+189"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the shared blob store</source>
        <translation>Im gemeinsamen Blob-Speicher</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Newer huggingface_hub versions keep each Xet file once in %1; repositories link to it. Deleting a repository removes only its links. Stored files no repository uses any more are removed only when you ask (Delete on this row, or Prune).</source>
        <translation>Neuere huggingface_hub-Versionen legen jede Xet-Datei nur einmal in %1 ab; die Repositorys verweisen darauf. Beim Löschen eines Repositorys werden nur seine Verweise entfernt. Gespeicherte Dateien, die kein Repository mehr nutzt, werden nur auf Ihren Wunsch entfernt (Löschen in dieser Zeile oder Aufräumen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>used by no repository</source>
        <translation>von keinem Repository genutzt</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of it is in the shared blob store, where other repositories may use it too; it stays there when this repository is deleted.</source>
        <translation>%1 davon liegen im gemeinsamen Blob-Speicher, wo auch andere Repositorys sie nutzen können; sie bleiben dort, wenn dieses Repository gelöscht wird.</translation>
    </message>
</context>
<context>
    <name>hubui::CachePage</name>
    <message>
        <location filename="../../ui/cache/cachepage.cpp" line="-132"/>
        <source>Local cache</source>
        <translation>Lokaler Cache</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanning the cache…</source>
        <translation>Cache wird eingelesen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not scan the cache: %1</source>
        <translation>Der Cache konnte nicht eingelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot delete that: %1</source>
        <translation>Das kann nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emptied the Xet cache; freed %1.</source>
        <translation>Xet-Cache geleert; %1 freigegeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not empty the Xet cache: %1</source>
        <translation>Der Xet-Cache konnte nicht geleert werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted; freed %1.</source>
        <translation>Gelöscht; %1 freigegeben.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n item(s) skipped (in use or already gone).</source>
        <translation>
            <numerusform>%n Eintrag übersprungen (in Benutzung oder bereits entfernt).</numerusform>
            <numerusform>%n Einträge übersprungen (in Benutzung oder bereits entfernt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n item(s) could not be deleted: %1</source>
        <translation>
            <numerusform>%n Eintrag konnte nicht gelöscht werden: %1</numerusform>
            <numerusform>%n Einträge konnten nicht gelöscht werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Rescan</source>
        <translation>&amp;Neu einlesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by repository, commit or ref</source>
        <translation>Nach Repository, Commit oder Ref filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Minimum size</source>
        <translation>Mindestgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any size</source>
        <translation>Beliebige Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 1 MB</source>
        <translation>Mindestens 1 MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 10 MB</source>
        <translation>Mindestens 10 MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 100 MB</source>
        <translation>Mindestens 100 MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 1 GB</source>
        <translation>Mindestens 1 GB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ize:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not used for</source>
        <translation>Nicht benutzt seit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Not used for %n day(s)</source>
        <translation>
            <numerusform>Seit %n Tag nicht benutzt</numerusform>
            <numerusform>Seit %n Tagen nicht benutzt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Age:</source>
        <translation>Al&amp;ter:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Da&amp;maged only</source>
        <translation>Nur &amp;beschädigte</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Damaged entries</source>
        <translation>Beschädigte Einträge</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cached repositories, revisions and files</source>
        <translation>Repositorys, Revisionen und Dateien im Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click or press Enter on a repository to open its page.</source>
        <translation>Doppelklicken Sie auf ein Repository oder drücken Sie die Eingabetaste, um seine Seite zu öffnen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Space by repository</source>
        <translation>Speicherplatz nach Repository</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space by revision</source>
        <translation>Speicherplatz nach Revision</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prune…</source>
        <translation>&amp;Aufräumen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/cache/cachepageactions.cpp" line="+49"/>
        <source>P&amp;in</source>
        <translation>An&amp;heften</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;pair</source>
        <translation>&amp;Reparieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed re&amp;visions…</source>
        <translation>&amp;Entfernte Revisionen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cache status</source>
        <translation>Cache-Status</translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <source>Cache: %1 — %2 in %n repository(s)</source>
        <translation>
            <numerusform>Cache: %1 — %2 in %n Repository</numerusform>
            <numerusform>Cache: %1 — %2 in %n Repositorys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>and %n revision(s)</source>
        <translation>
            <numerusform>und %n Revision</numerusform>
            <numerusform>und %n Revisionen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unfinished downloads %1</source>
        <translation>unfertige Downloads %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>shared blob store %1 (%n stored file(s), counted once)</source>
        <translation>
            <numerusform>gemeinsamer Blob-Speicher %1 (%n gespeicherte Datei, einmal gezählt)</numerusform>
            <numerusform>gemeinsamer Blob-Speicher %1 (%n gespeicherte Dateien, je einmal gezählt)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Xet cache %1</source>
        <translation>Xet-Cache %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>⚠ %n damaged repository(s): %1. Select a damaged row to see what is wrong, then Repair (download it again) or Delete it. &quot;Damaged only&quot; shows just these.</source>
        <translation>
            <numerusform>⚠ %n beschädigtes Repository: %1. Wählen Sie eine beschädigte Zeile aus, um zu sehen, was nicht stimmt, und dann Reparieren (erneut herunterladen) oder Löschen. „Nur beschädigte“ zeigt nur diese an.</numerusform>
            <numerusform>⚠ %n beschädigte Repositorys: %1. Wählen Sie eine beschädigte Zeile aus, um zu sehen, was nicht stimmt, und dann Reparieren (erneut herunterladen) oder Löschen. „Nur beschädigte“ zeigt nur diese an.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cache is empty. Files you download appear here.</source>
        <translation>Der Cache ist leer. Heruntergeladene Dateien erscheinen hier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan complete.</source>
        <translation>Einlesen abgeschlossen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Other repositories</source>
        <translation>Andere Repositorys</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared blob store</source>
        <translation>Gemeinsamer Blob-Speicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unfinished downloads</source>
        <translation>Unfertige Downloads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xet cache</source>
        <translation>Xet-Cache</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Shared by several revisions</source>
        <translation>Von mehreren Revisionen geteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space by revision in %1</source>
        <translation>Speicherplatz nach Revision in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space by revision (select a repository)</source>
        <translation>Speicherplatz nach Revision (Repository auswählen)</translation>
    </message>
    <message>
        <location filename="../../ui/cache/cachepageactions.cpp" line="+0"/>
        <source>Un&amp;pin</source>
        <translation>Lö&amp;sen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removed re&amp;visions (%1)…</source>
        <translation>&amp;Entfernte Revisionen (%1)…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Select a repository, revision or file to delete. Unfinished downloads are removed with Prune.</source>
        <translation>Wählen Sie ein Repository, eine Revision oder eine Datei zum Löschen aus. Unfertige Downloads werden mit „Aufräumen“ entfernt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Working out what the deletion frees…</source>
        <translation>Wird ermittelt, was das Löschen freigibt…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+21"/>
        <source>Nothing was deleted.</source>
        <translation>Nichts wurde gelöscht.</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Repositories still use this stored file, so it stays in the shared blob store. Delete those repositories first; then it can be removed as unused.</source>
        <translation>Repositorys nutzen diese gespeicherte Datei noch, daher bleibt sie im gemeinsamen Blob-Speicher. Löschen Sie zuerst diese Repositorys; danach lässt sie sich als ungenutzt entfernen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Empty the Xet cache</source>
        <translation>Xet-Cache leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete everything in the Xet cache (%1)?</source>
        <translation>Alles im Xet-Cache löschen (%1)?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
The Xet client (hf_xet) keeps chunk and shard caches and logs there. It rebuilds them; only its deduplication and an unfinished Xet upload are lost. Your downloaded models are not touched.</source>
        <translation>%1
Der Xet-Client (hf_xet) legt dort Chunk- und Shard-Caches und Protokolle ab. Er baut sie neu auf; verloren gehen nur seine Deduplizierung und ein unvollendeter Xet-Upload. Ihre heruntergeladenen Modelle bleiben unberührt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Empty it</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+58"/>
        <source>Emptying the Xet cache…</source>
        <translation>Xet-Cache wird geleert…</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Pruning…</source>
        <translation>Wird aufgeräumt…</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n revision(s) unpinned.</source>
        <translation>
            <numerusform>%n Revision nicht mehr angeheftet.</numerusform>
            <numerusform>%n Revisionen nicht mehr angeheftet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n revision(s) pinned: Prune will keep them.</source>
        <translation>
            <numerusform>%n Revision angeheftet: Aufräumen behält sie.</numerusform>
            <numerusform>%n Revisionen angeheftet: Aufräumen behält sie.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking the files in the cache against their hashes…</source>
        <translation>Dateien im Cache werden mit ihren Hashes abgeglichen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n file(s) checked</source>
        <translation>
            <numerusform>%n Datei geprüft</numerusform>
            <numerusform>%n Dateien geprüft</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verification cancelled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verified: every file matches its hash; %1.</source>
        <translation>Geprüft: Jede Datei stimmt mit ihrem Hash überein; %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n file(s) do not match their hash: %1. Select the revision and choose Repair or Delete.</source>
        <translation>
            <numerusform>%n Datei stimmt nicht mit ihrem Hash überein: %1. Wählen Sie die Revision aus und dann Reparieren oder Löschen.</numerusform>
            <numerusform>%n Dateien stimmen nicht mit ihrem Hash überein: %1. Wählen Sie die Revision aus und dann Reparieren oder Löschen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n download(s) queued to repair the damaged entries; see Transfers.</source>
        <translation>
            <numerusform>%n Download zum Reparieren der beschädigten Einträge eingereiht; siehe Übertragungen.</numerusform>
            <numerusform>%n Downloads zum Reparieren der beschädigten Einträge eingereiht; siehe Übertragungen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a damaged repository or revision to repair.</source>
        <translation>Wählen Sie ein beschädigtes Repository oder eine beschädigte Revision zum Reparieren aus.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Downloading %1 at %2 again; see Transfers.</source>
        <translation>%1 (Commit %2) wird erneut heruntergeladen; siehe Übertragungen.</translation>
    </message>
</context>
<context>
    <name>hubui::CacheService</name>
    <message>
        <location filename="../../ui/cache/cacheservice.cpp" line="+72"/>
        <source>The cache has not been scanned yet.</source>
        <translation>Der Cache wurde noch nicht eingelesen.</translation>
    </message>
</context>
<context>
    <name>hubui::CardView</name>
    <message>
        <location filename="../../ui/repo/cardview.cpp" line="+49"/>
        <source>Model card</source>
        <translation>Modellkarte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Card metadata</source>
        <translation>Metadaten der Karte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evaluation results</source>
        <translation>Evaluationsergebnisse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Metadata&lt;/b&gt;</source>
        <translation>&lt;b&gt;Metadaten&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Evaluation results&lt;/b&gt;</source>
        <translation>&lt;b&gt;Evaluationsergebnisse&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading the card was cancelled.</source>
        <translation>Das Laden der Karte wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading the model card at %1…</source>
        <translation>Modellkarte für %1 wird geladen…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This revision has no model card (README.md). A card tells people what the model does, its license and how well it works.</source>
        <translation>Diese Revision hat keine Modellkarte (README.md). Eine Karte beschreibt, was das Modell tut, unter welcher Lizenz es steht und wie gut es funktioniert.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2 (%3): %4</source>
        <translation>%1 auf %2 (%3): %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Problems with this card: %1</source>
        <translation>Probleme mit dieser Karte: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No evaluation results in this card.</source>
        <translation>Diese Karte enthält keine Evaluationsergebnisse.</translation>
    </message>
</context>
<context>
    <name>hubui::ChangedFilesModel</name>
    <message>
        <location filename="../../ui/compare/changedfilesmodel.cpp" line="+24"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renamed</source>
        <translation>Umbenannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model card</source>
        <translation>Modellkarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (LFS)</source>
        <translation>%1 (LFS)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>Davor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Danach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size change</source>
        <translation>Größenänderung</translation>
    </message>
</context>
<context>
    <name>hubui::CommitListModel</name>
    <message>
        <location filename="../../ui/history/commitlistmodel.cpp" line="+63"/>
        <source>Points here: %1</source>
        <translation>Zeigen hierher: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags and branches</source>
        <translation>Tags und Branches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>tag %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>branch %1</source>
        <translation>Branch %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>PR #%1</source>
        <translation>PR #%1</translation>
    </message>
</context>
<context>
    <name>hubui::CommunityView</name>
    <message>
        <location filename="../../ui/community/communityview.cpp" line="+29"/>
        <source>Refres&amp;h</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+24"/>
        <source>Pull requests and discussions</source>
        <translation>Pull-Requests und Diskussionen</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Click or press Enter to open the conversation</source>
        <translation>Klicken oder Eingabe drücken, um die Unterhaltung zu öffnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>&amp;Offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clo&amp;sed</source>
        <translation>&amp;Geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mer&amp;ged</source>
        <translation>&amp;Zusammengeführt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ll</source>
        <translation>A&amp;lle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show %1</source>
        <translation>%1 zeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pull requests only</source>
        <translation>Nur Pull-Requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discussions only</source>
        <translation>Nur Diskussionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh the list</source>
        <translation>Liste aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Could not refresh: %1</source>
        <translation>Aktualisieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading was cancelled. Press Refresh to try again.</source>
        <translation>Das Laden wurde abgebrochen. „Aktualisieren“ versucht es erneut.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+8"/>
        <source>Loading pull requests and discussions…</source>
        <translation>Pull-Requests und Diskussionen werden geladen …</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%n open pull request(s)</source>
        <translation>
            <numerusform>%n offener Pull-Request</numerusform>
            <numerusform>%n offene Pull-Requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n in all</source>
        <translation>
            <numerusform>%n insgesamt</numerusform>
            <numerusform>%n insgesamt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No pull requests or discussions yet. Upload files as a pull request (drop them on the Files tab) to propose a change.</source>
        <translation>Noch keine Pull-Requests oder Diskussionen. Laden Sie Dateien als Pull-Request hoch (auf den Tab „Dateien“ ziehen), um eine Änderung vorzuschlagen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>discussions</source>
        <translation>Diskussionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pull requests</source>
        <translation>Pull-Requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pull requests or discussions</source>
        <translation>Pull-Requests oder Diskussionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No open %1. Choose All to see every one.</source>
        <translation>Keine offenen %1. „Alle“ zeigt jeden Eintrag.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No closed %1.</source>
        <translation>Keine geschlossenen %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No merged %1.</source>
        <translation>Keine zusammengeführten %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No %1.</source>
        <translation>Keine %1.</translation>
    </message>
</context>
<context>
    <name>hubui::CompareView</name>
    <message>
        <location filename="../../ui/compare/compareview.cpp" line="+15"/>
        <source>⇄ Swap</source>
        <translation>⇄ Tauschen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Older revision</source>
        <translation>Ältere Revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newer revision</source>
        <translation>Neuere Revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A branch, tag, pull request (refs/pr/N) or commit id</source>
        <translation>Ein Branch, Tag, Pull Request (refs/pr/N) oder eine Commit-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Swap the two revisions</source>
        <translation>Die beiden Revisionen tauschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
</context>
<context>
    <name>hubui::Comparison</name>
    <message>
        <location filename="../../ui/compare/comparison.cpp" line="+69"/>
        <source>config.json was added.</source>
        <translation>config.json wurde hinzugefügt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>config.json was removed.</source>
        <translation>config.json wurde entfernt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither revision has a config.json.</source>
        <translation>Keine der beiden Revisionen hat eine config.json.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The model card was added.</source>
        <translation>Die Modellkarte wurde hinzugefügt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model card was removed.</source>
        <translation>Die Modellkarte wurde entfernt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither revision has a model card (README.md).</source>
        <translation>Keine der beiden Revisionen hat eine Modellkarte (README.md).</translation>
    </message>
</context>
<context>
    <name>hubui::ComparisonWidget</name>
    <message>
        <location filename="../../ui/compare/comparisonwidget.cpp" line="+68"/>
        <source>Comparison headline</source>
        <translation>Vergleichsüberschrift</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show unchanged files</source>
        <translation>Unveränderte Dateien zeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed files</source>
        <translation>Geänderte Dateien</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>config.json changes</source>
        <translation>Änderungen an config.json</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>config.json, key by key</source>
        <translation>config.json, Schlüssel für Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card metadata changes</source>
        <translation>Änderungen der Kartenmetadaten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Card metadata</source>
        <translation>Metadaten der Karte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text difference</source>
        <translation>Textunterschied</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a changed text file (README.md, config.json…) to see what changed line by line.</source>
        <translation>Wählen Sie eine geänderte Textdatei (README.md, config.json…) aus, um die Änderungen Zeile für Zeile zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text diff</source>
        <translation>Textvergleich</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pick two revisions to compare.</source>
        <translation>Wählen Sie zwei Revisionen zum Vergleichen aus.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The comparison was cancelled.</source>
        <translation>Der Vergleich wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Listing the files of %1…</source>
        <translation>Dateien von %1 werden aufgelistet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 → %2. </source>
        <translation>%1 → %2. </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) added, </source>
        <translation>
            <numerusform>%n Datei hinzugefügt, </numerusform>
            <numerusform>%n Dateien hinzugefügt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n removed, </source>
        <translation>
            <numerusform>%n entfernt, </numerusform>
            <numerusform>%n entfernt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n renamed</source>
        <translation>
            <numerusform>, %n umbenannt</numerusform>
            <numerusform>, %n umbenannt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; size change %1.</source>
        <translation>; Größenänderung %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>config.json is the same in both revisions.</source>
        <translation>config.json ist in beiden Revisionen gleich.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n key(s) of config.json changed.</source>
        <translation>
            <numerusform>%n Schlüssel in config.json geändert.</numerusform>
            <numerusform>%n Schlüssel in config.json geändert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card&apos;s metadata is the same in both revisions.</source>
        <translation>Die Metadaten der Karte sind in beiden Revisionen gleich.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n metadata field(s) changed.</source>
        <translation>
            <numerusform>%n Metadatenfeld geändert.</numerusform>
            <numerusform>%n Metadatenfelder geändert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing changed between these two revisions.</source>
        <translation>Zwischen diesen beiden Revisionen hat sich nichts geändert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is stored with Git LFS (large or binary): there is no line-by-line difference to show. Its size changed by %2.</source>
        <translation>%1 ist mit Git LFS gespeichert (groß oder binär): Es gibt keinen zeilenweisen Unterschied anzuzeigen. Die Größe hat sich um %2 geändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a small text file: no line-by-line difference is shown.</source>
        <translation>%1 ist keine kleine Textdatei: Es wird kein zeilenweiser Unterschied angezeigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the difference of %1…</source>
        <translation>Unterschied von %1 wird geladen…</translation>
    </message>
</context>
<context>
    <name>hubui::ConfirmActionDialog</name>
    <message>
        <location filename="../../ui/community/confirmactiondialog.cpp" line="+19"/>
        <source>&amp;Comment (optional, Markdown):</source>
        <translation>&amp;Kommentar (optional, Markdown):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment posted with this action</source>
        <translation>Kommentar zu dieser Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say why, for the people following this conversation</source>
        <translation>Sagen Sie, warum – für alle, die dieser Unterhaltung folgen</translation>
    </message>
</context>
<context>
    <name>hubui::Conversation</name>
    <message>
        <location filename="../../ui/community/conversationdocument.cpp" line="+29"/>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1&apos;s comment was hidden</source>
        <translation>Der Kommentar von %1 wurde ausgeblendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 opened this pull request</source>
        <translation>%1 hat diesen Pull-Request eröffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 started this discussion</source>
        <translation>%1 hat diese Diskussion begonnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 commented</source>
        <translation>%1 hat kommentiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 merged this pull request</source>
        <translation>%1 hat diesen Pull-Request zusammengeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 closed this</source>
        <translation>%1 hat dies geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 reopened this</source>
        <translation>%1 hat dies wieder geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed the status to %2</source>
        <translation>%1 hat den Status auf %2 gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pushed commit %2</source>
        <translation>%1 hat Commit %2 hinzugefügt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 changed the title from “%2” to “%3”</source>
        <translation>%1 hat den Titel von „%2“ in „%3“ geändert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source> (edited)</source>
        <translation> (bearbeitet)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This comment was hidden.</source>
        <translation>Dieser Kommentar wurde ausgeblendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source> pushed commit </source>
        <translation> hat Commit hinzugefügt: </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No conversation yet.</source>
        <translation>Noch keine Unterhaltung.</translation>
    </message>
</context>
<context>
    <name>hubui::DeletePlanDialog</name>
    <message>
        <location filename="../../ui/cache/deleteplandialog.cpp" line="+32"/>
        <source>Nothing to delete.</source>
        <translation>Nichts zu löschen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frees %1</source>
        <translation>Gibt %1 frei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, plus %1 of unfinished downloads</source>
        <translation>, dazu %1 an unfertigen Downloads</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n Repository</numerusform>
            <numerusform>%n Repositorys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stored file(s) of the shared blob store</source>
        <translation>
            <numerusform>%n gespeicherte Datei des gemeinsamen Blob-Speichers</numerusform>
            <numerusform>%n gespeicherte Dateien des gemeinsamen Blob-Speichers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: the whole repository (%2; the %3 it uses in the shared blob store are listed separately)</source>
        <translation>%1: das ganze Repository (%2; die %3, die es im gemeinsamen Blob-Speicher nutzt, sind eigens aufgeführt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the whole repository (%2)</source>
        <translation>%1: das ganze Repository (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared blob store: stored file %1 (%2), which no repository uses</source>
        <translation>Gemeinsamer Blob-Speicher: gespeicherte Datei %1 (%2), die kein Repository nutzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: revision %2</source>
        <translation>%1: Revision %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: unfinished download %2 (%3)</source>
        <translation>%1: unfertiger Download %2 (%3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: file %2</source>
        <translation>%1: Datei %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stored file %1 stays in the shared blob store for %2 (%3).</source>
        <translation>Gespeicherte Datei %1 bleibt im gemeinsamen Blob-Speicher für %2 (%3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stored file %1 stays in the shared blob store: it has no manifest, so HubDesk cannot tell which other repositories use it (%2).</source>
        <translation>Gespeicherte Datei %1 bleibt im gemeinsamen Blob-Speicher: Ihr fehlt das Manifest, daher kann HubDesk nicht erkennen, welche anderen Repositorys sie nutzen (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stored file %1 stays in the shared blob store although no repository uses it any more (%2); Delete on the shared blob store row or Prune removes it.</source>
        <translation>Gespeicherte Datei %1 bleibt im gemeinsamen Blob-Speicher, obwohl kein Repository sie mehr nutzt (%2); Löschen in der Zeile des gemeinsamen Blob-Speichers oder Aufräumen entfernt sie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is shared with %2 and stays (%3).</source>
        <translation>%1 wird mit %2 geteilt und bleibt erhalten (%3).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete from the cache</source>
        <translation>Aus dem Cache löschen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the deletion frees</source>
        <translation>Was das Löschen freigibt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What will be deleted</source>
        <translation>Was gelöscht wird</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What stays</source>
        <translation>Was bleibt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Will be deleted:</source>
        <translation>&amp;Wird gelöscht:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Stays, because other revisions or repositories still use it, or you did not ask to remove it:</source>
        <translation>&amp;Bleibt, weil andere Revisionen oder Repositorys es noch nutzen oder Sie das Entfernen nicht verlangt haben:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stays, because other revisions still use it:</source>
        <translation>&amp;Bleibt, weil andere Revisionen es noch nutzen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deleted revisions can be downloaded again from the list of removed revisions.</source>
        <translation>Gelöschte Revisionen können aus der Liste der entfernten Revisionen erneut heruntergeladen werden.</translation>
    </message>
</context>
<context>
    <name>hubui::DiscussionListModel</name>
    <message>
        <location filename="../../ui/community/discussionlistmodel.cpp" line="+31"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Pull request, %1</source>
        <translation>Pull-Request, %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discussion, %1</source>
        <translation>Diskussion, %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
</context>
<context>
    <name>hubui::DiscussionView</name>
    <message>
        <location filename="../../ui/community/discussionview.cpp" line="+51"/>
        <source>Open its &amp;files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>← All pull requests and &amp;discussions</source>
        <translation>← Alle Pull-Requests und &amp;Diskussionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Zusammenführen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose…</source>
        <translation>Sch&amp;ließen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>R&amp;eopen…</source>
        <translation>&amp;Wieder öffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refres&amp;h</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do&amp;wnload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add f&amp;iles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We&amp;b page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Comment</source>
        <translation>&amp;Kommentieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Result of the last action</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge conflicts</source>
        <translation>Konflikte beim Zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the pull request&apos;s files to fix the conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the files of this pull request&apos;s revision in the Files tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Back to all pull requests and discussions</source>
        <translation>Zurück zu allen Pull-Requests und Diskussionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge this pull request</source>
        <translation>Diesen Pull-Request zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh this conversation</source>
        <translation>Diese Unterhaltung aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+321"/>
        <source>Change the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-320"/>
        <source>Download this pull request&apos;s revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download the files of this pull request (refs/pr/N) into the cache, to try them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add files to this pull request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit files onto this pull request&apos;s revision (refs/pr/N); you can also drop files or folders onto this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this conversation on the Hub&apos;s web site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this conversation in your web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+40"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>New comment</source>
        <translation>Neuer Kommentar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the comment</source>
        <translation>Kommentar senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the comment (Ctrl+Enter)</source>
        <translation>Kommentar senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add a c&amp;omment (Markdown):</source>
        <translation>K&amp;ommentar schreiben (Markdown):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Files changed</source>
        <translation>Geänderte Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation type="unfinished">Metriken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The evaluation results of this pull request&apos;s model card next to the target branch&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Loading #%1 was cancelled.</source>
        <translation>Das Laden von #%1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Loading #%1…</source>
        <translation>#%1 wird geladen …</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not refresh: %1</source>
        <translation>Aktualisieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 proposed %2 (%3) · merged into %4</source>
        <translation>%1 hat %2 vorgeschlagen (%3) · zusammengeführt in %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 proposed merging %2 into %3 (%4) · closed without merging</source>
        <translation>%1 hat vorgeschlagen, %2 in %3 zusammenzuführen (%4) · ohne Zusammenführen geschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 wants to merge %2 into %3 · opened %4</source>
        <translation>%1 möchte %2 in %3 zusammenführen · eröffnet %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> as commit %1</source>
        <translation> als Commit %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discussion started by %1 · %2</source>
        <translation>Diskussion begonnen von %1 · %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The files changed cannot be shown: %1</source>
        <translation>Die geänderten Dateien können nicht gezeigt werden: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 before the merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This pull request cannot be merged: it conflicts with changes made on %1 since it was opened.</source>
        <translation>Dieser Pull-Request kann nicht zusammengeführt werden: Er steht im Konflikt mit Änderungen, die seit seiner Eröffnung auf %1 gemacht wurden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This pull request cannot be merged: %1 also changed on %2 since it was opened. Update %3 on the pull request&apos;s revision %4, then merge.</source>
        <translation>Dieser Pull-Request kann nicht zusammengeführt werden: %1 wurde seit seiner Eröffnung auch auf %2 geändert. Aktualisieren Sie %3 in der Revision %4 des Pull-Requests und führen Sie dann zusammen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>that file</source>
        <translation>diese Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>those files</source>
        <translation>diese Dateien</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Only maintainers of this repo (write access) can merge.</source>
        <translation>Nur die Betreuer dieses Repos (Schreibzugriff) können zusammenführen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve the conflicts first.</source>
        <translation>Lösen Sie zuerst die Konflikte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A draft has no commits to merge yet.</source>
        <translation>Ein Entwurf hat noch keine Commits zum Zusammenführen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge into the target branch</source>
        <translation>In den Ziel-Branch zusammenführen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only its author or a maintainer of this repo (write access) can do this.</source>
        <translation>Nur der Autor oder ein Betreuer dieses Repos (Schreibzugriff) kann das.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Drop files or folders onto this window to add them to this pull request (a new commit on %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in (Account menu) to add files to this pull request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without merging</source>
        <translation>Ohne Zusammenführen schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open it again</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a comment; Ctrl+Enter sends it.</source>
        <translation>Kommentar schreiben; Strg+Eingabe sendet ihn.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in (Account menu) to comment.</source>
        <translation>Melden Sie sich an (Menü „Konto“), um zu kommentieren.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Comment sent.</source>
        <translation>Kommentar gesendet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>pull request #%1</source>
        <translation>Pull-Request #%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>discussion #%1</source>
        <translation>Diskussion #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close %1</source>
        <translation>%1 schließen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reopen %1</source>
        <translation>%1 wieder öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close %1 without merging it? It can be reopened later.</source>
        <translation>%1 schließen, ohne zusammenzuführen? Er kann später wieder geöffnet werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close %1? It can be reopened later.</source>
        <translation>%1 schließen? Sie kann später wieder geöffnet werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen %1?</source>
        <translation>%1 wieder öffnen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>R&amp;eopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed.</source>
        <translation>Geschlossen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reopened.</source>
        <translation>Wieder geöffnet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Downloading refs/pr/%1… (see Transfers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not start the download: %1</source>
        <translation type="unfinished">Der Download konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merge pull request #%1</source>
        <translation>Pull-Request #%1 zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge “%1” into %2? Its commits become part of %2 for everyone who downloads this repo.</source>
        <translation>„%1“ in %2 zusammenführen? Seine Commits werden Teil von %2 für alle, die dieses Repo herunterladen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merged into %1.</source>
        <translation>In %1 zusammengeführt.</translation>
    </message>
</context>
<context>
    <name>hubui::FileTreeModel</name>
    <message>
        <location filename="../../ui/repo/filetreemodel.cpp" line="+138"/>
        <source>%1 (listing…)</source>
        <translation>%1 (wird aufgelistet…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not listed yet</source>
        <translation>noch nicht aufgelistet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LFS</source>
        <translation>LFS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In cache</source>
        <translation>Im Cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 files in cache</source>
        <translation>%1 von %2 Dateien im Cache</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) in cache</source>
        <translation>
            <numerusform>%n Datei im Cache</numerusform>
            <numerusform>%n Dateien im Cache</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Some folders below this one are not listed yet: open them to add up the full size.</source>
        <translation>Einige Ordner unterhalb dieses Ordners sind noch nicht aufgelistet: Öffnen Sie sie, um die volle Größe zu ermitteln.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s), %1 in total</source>
        <translation>
            <numerusform>%n Datei, insgesamt %1</numerusform>
            <numerusform>%n Dateien, insgesamt %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Large file stored with Git LFS (SHA-256 %1)</source>
        <translation>Große Datei, mit Git LFS gespeichert (SHA-256 %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular Git file</source>
        <translation>Reguläre Git-Datei</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
</context>
<context>
    <name>hubui::FilesView</name>
    <message>
        <location filename="../../ui/repo/filesview.cpp" line="+39"/>
        <source>Download &amp;selected</source>
        <translation>&amp;Auswahl herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download &amp;whole revision</source>
        <translation>&amp;Ganze Revision herunterladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in &amp;folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Download the selected files and folders into the local cache</source>
        <translation>Die ausgewählten Dateien und Ordner in den lokalen Cache herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected cached file, or the cached folder, with the default application</source>
        <translation>Die ausgewählte Datei oder den Ordner aus dem Cache mit der Standardanwendung öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the folder that holds the selected cached file</source>
        <translation>Den Ordner zeigen, der die ausgewählte Datei aus dem Cache enthält</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Listing the files was cancelled. Pick a revision above to list them again.</source>
        <translation>Das Auflisten der Dateien wurde abgebrochen. Wählen Sie oben eine Revision aus, um sie erneut aufzulisten.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Listing the files of %1…</source>
        <translation>Dateien von %1 werden aufgelistet…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This revision has no files. Pick another revision above, or upload files to this repo.</source>
        <translation>Diese Revision hat keine Dateien. Wählen Sie oben eine andere Revision aus oder laden Sie Dateien in dieses Repo hoch.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not list %1: %2 Close and open the folder to try again.</source>
        <translation>%1 konnte nicht aufgelistet werden: %2 Schließen und öffnen Sie den Ordner, um es erneut zu versuchen.</translation>
    </message>
    <message numerus="yes">
        <location line="+106"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) listed so far</source>
        <translation>
            <numerusform>%n Datei bisher aufgelistet</numerusform>
            <numerusform>%n Dateien bisher aufgelistet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 at commit %2 · %3 in the local cache</source>
        <translation>%1 bei Commit %2 · %3 im lokalen Cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This repo has many files: each folder is listed when you open it.</source>
        <translation>Dieses Repo hat viele Dateien: Jeder Ordner wird erst aufgelistet, wenn Sie ihn öffnen.</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Downloading %n item(s)… (see Transfers)</source>
        <translation>
            <numerusform>%n Element wird heruntergeladen… (siehe Übertragungen)</numerusform>
            <numerusform>%n Elemente werden heruntergeladen… (siehe Übertragungen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Downloading revision %1… (see Transfers)</source>
        <translation>Revision %1 wird heruntergeladen… (siehe Übertragungen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not start the download: %1</source>
        <translation>Der Download konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>hubui::HistoryView</name>
    <message>
        <location filename="../../ui/history/historyview.cpp" line="+26"/>
        <source>Compare &amp;selected</source>
        <translation>&amp;Auswahl vergleichen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create &amp;tag…</source>
        <translation>&amp;Tag anlegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create &amp;branch…</source>
        <translation>&amp;Branch anlegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Download this revision</source>
        <translation>Diese Revision &amp;herunterladen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Commits</source>
        <translation>Commits</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select two commits (Ctrl+click) to compare them</source>
        <translation>Wählen Sie zwei Commits aus (Strg+Klick), um sie zu vergleichen</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%1 of %n commit(s) loaded — scroll down for more</source>
        <translation>
            <numerusform>%1 von %n Commit geladen — für mehr nach unten scrollen</numerusform>
            <numerusform>%1 von %n Commits geladen — für mehr nach unten scrollen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n commit(s)</source>
        <translation>
            <numerusform>%n Commit</numerusform>
            <numerusform>%n Commits</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This revision has no commits.</source>
        <translation>Diese Revision hat keine Commits.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not load more commits: %1</source>
        <translation>Weitere Commits konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the history was cancelled.</source>
        <translation>Das Laden des Verlaufs wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Loading the history of %1…</source>
        <translation>Verlauf von %1 wird geladen…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Create a tag</source>
        <translation>Tag anlegen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a branch</source>
        <translation>Branch anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag name for commit %1 (for example v1.2.0):</source>
        <translation>Tag-Name für Commit %1 (zum Beispiel v1.2.0):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch name for commit %1:</source>
        <translation>Branch-Name für Commit %1:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not create the tag</source>
        <translation>Tag konnte nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not create the branch</source>
        <translation>Branch konnte nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag %1 created.</source>
        <translation>Tag %1 angelegt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch %1 created.</source>
        <translation>Branch %1 angelegt.</translation>
    </message>
</context>
<context>
    <name>hubui::LoadStateWidget</name>
    <message>
        <location filename="../../ui/core/loadstatewidget.cpp" line="+21"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <location line="+127"/>
        <location line="+19"/>
        <location line="+15"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>You are offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Hub cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Hub took too long to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account is not allowed to do this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access to this repo must be requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This repo does not exist or is private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This revision does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file or folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Hub had a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Hub sent an answer HubDesk cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proxy refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubDesk refused an unsafe answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file on this computer could not be read or written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data on this computer is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This changed on the Hub meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The branch moved on the Hub meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Hub refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request is too large for the Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This request is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not supported here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HubDesk could not finish this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+85"/>
        <source>This could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Try again in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing here yet</source>
        <translation>Noch nichts hier</translation>
    </message>
</context>
<context>
    <name>hubui::MainWindow</name>
    <message>
        <location filename="../../ui/shell/mainwindow.cpp" line="+50"/>
        <source>HubDesk — sandbox Hub</source>
        <translation>HubDesk — Sandbox-Hub</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HubDesk</source>
        <translation>HubDesk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Namespaces</source>
        <translation>Namensräume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse the Hub</source>
        <translation>Hub durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spaces</source>
        <translation>Spaces</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a &amp;namespace…</source>
        <translation>&amp;Namensraum hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Download of %1 finished.</source>
        <translation>Download von %1 abgeschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download of %1 did not finish: %2</source>
        <translation>Download von %1 wurde nicht abgeschlossen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the sandbox Hub (%1)</source>
        <translation>Sandbox-Hub (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not signed in · %1&lt;br&gt;&lt;small&gt;Public repos only.&lt;/small&gt;</source>
        <translation>Nicht angemeldet · %1&lt;br&gt;&lt;small&gt;Nur öffentliche Repos.&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;&lt;small&gt;Token: %1 access&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;Token-Zugriff: %1&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Sign-in failed&lt;/b&gt; · %1&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation>&lt;b&gt;Anmeldung fehlgeschlagen&lt;/b&gt; · %1&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Offline&lt;/b&gt; · %1&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation>&lt;b&gt;Offline&lt;/b&gt; · %1&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%1 · %n+ PR(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 · %n PR(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An organisation you belong to</source>
        <translation>Eine Organisation, der Sie angehören</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A namespace you added</source>
        <translation>Ein von Ihnen hinzugefügter Namensraum</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Add a namespace…</source>
        <translation>Namensraum hinzufügen…</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n open pull request(s), in %1 repo(s) of %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1, %n open pull request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Add a namespace</source>
        <translation>Namensraum hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User or organisation name on the Hub (for example PellelNitram):</source>
        <translation>Benutzer- oder Organisationsname auf dem Hub (zum Beispiel PellelNitram):</translation>
    </message>
</context>
<context>
    <name>hubui::MetricChangeModel</name>
    <message>
        <location filename="../../ui/community/prmetrics.cpp" line="+54"/>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+1"/>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 on %3, %4 in this pull request (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Metric</source>
        <translation type="unfinished">Metrik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset</source>
        <translation type="unfinished">Datensatz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change</source>
        <translation type="unfinished">Änderung</translation>
    </message>
</context>
<context>
    <name>hubui::MetricTableModel</name>
    <message>
        <location filename="../../ui/metrics/metrictablemodel.cpp" line="+40"/>
        <source>%1: no value</source>
        <translation>%1: kein Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>hubui::MetricsView</name>
    <message>
        <location filename="../../ui/metrics/metricsview.cpp" line="+74"/>
        <source>Every &amp;commit of main (not only tagged versions)</source>
        <translation>Jeder &amp;Commit auf main (nicht nur getaggte Versionen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Metrics chart</source>
        <translation>Metrikdiagramm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same numbers are in the table below.</source>
        <translation>Dieselben Zahlen stehen in der Tabelle unten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Metrics table</source>
        <translation>Metriktabelle</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading the metrics was cancelled. Tick or untick the box above to load again.</source>
        <translation>Das Laden der Metriken wurde abgebrochen. Setzen oder entfernen Sie das Häkchen oben, um erneut zu laden.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The metrics load when you open this tab.</source>
        <translation>Die Metriken werden geladen, wenn Sie diesen Tab öffnen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the model card of each commit…</source>
        <translation>Modellkarte jedes Commits wird gelesen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the model card of each tagged version…</source>
        <translation>Modellkarte jeder getaggten Version wird gelesen…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This repo has no commits on main.</source>
        <translation>Dieses Repo hat keine Commits auf main.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This repo has no tags yet. Tag a release in History (Create tag…), or tick “Every commit” to chart every commit.</source>
        <translation>Dieses Repo hat noch keine Tags. Taggen Sie ein Release im Verlauf (Tag anlegen…) oder setzen Sie das Häkchen bei „Jeder Commit“, um jeden Commit im Diagramm darzustellen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No version&apos;s model card has evaluation results (model-index). Add results to the card&apos;s YAML front matter to chart them here.</source>
        <translation>Die Modellkarte keiner Version enthält Evaluationsergebnisse (model-index). Fügen Sie Ergebnisse zum YAML-Front-Matter der Karte hinzu, um sie hier darzustellen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Evaluation results by version</source>
        <translation>Evaluationsergebnisse nach Version</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>hubui::PruneDialog</name>
    <message>
        <location filename="../../ui/cache/prunedialog.cpp" line="+20"/>
        <source>Revisions no branch or tag points to (&amp;unreferenced)</source>
        <translation>Revisionen, auf die kein Branch oder Tag zeigt (&amp;unreferenziert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revisions &amp;not used for</source>
        <translation>Revisionen, &amp;nicht benutzt seit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un&amp;finished downloads (not running now)</source>
        <translation>Un&amp;fertige Downloads (laufen gerade nicht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;Xet cache</source>
        <translation>Der &amp;Xet-Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored files no repository uses (&amp;shared blob store)</source>
        <translation>Gespeicherte Dateien, die kein Repository nutzt (&amp;gemeinsamer Blob-Speicher)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prune the cache</source>
        <translation>Cache aufräumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days without use</source>
        <translation>Tage ohne Nutzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What pruning removes</source>
        <translation>Was das Aufräumen entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space pruning frees</source>
        <translation>Speicherplatz, den das Aufräumen freigibt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Prune</source>
        <translation>&amp;Aufräumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose what to remove. Pinned revisions are always kept. Nothing is deleted until you press Prune.</source>
        <translation>Wählen Sie aus, was entfernt werden soll. Angeheftete Revisionen bleiben immer erhalten. Nichts wird gelöscht, bevor Sie auf „Aufräumen“ klicken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pre&amp;view:</source>
        <translation>&amp;Vorschau:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chunk and shard caches and logs of the Xet client (hf_xet). It rebuilds them; your models are not touched.</source>
        <translation>Chunk- und Shard-Caches und Protokolle des Xet-Clients (hf_xet). Er baut sie neu auf; Ihre Modelle bleiben unberührt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Newer huggingface_hub versions keep each Xet file once for every repository that uses it. These are the ones no repository links to any more.</source>
        <translation>Neuere huggingface_hub-Versionen legen jede Xet-Datei nur einmal für alle Repositorys ab, die sie nutzen. Dies sind die, auf die kein Repository mehr verweist.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+18"/>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The &amp;Xet cache, emptied as a whole (%1)</source>
        <translation>Der &amp;Xet-Cache, als Ganzes geleert (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n stored file(s) no repository uses (&amp;shared blob store, %1)</source>
        <translation>
            <numerusform>%n gespeicherte Datei, die kein Repository nutzt (&amp;gemeinsamer Blob-Speicher, %1)</numerusform>
            <numerusform>%n gespeicherte Dateien, die kein Repository nutzt (&amp;gemeinsamer Blob-Speicher, %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::PullRequestMetrics</name>
    <message>
        <location filename="../../ui/community/prmetrics.cpp" line="+20"/>
        <source>What the pull request changes in the evaluation results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation results: target branch and pull request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading the cards was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the model card of %1 and of this pull request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>On %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This pull request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This pull request has no model card (README.md), so it reports no evaluation results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither card reports evaluation results (model-index), so there is nothing to compare. The Files changed tab shows every change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The %n evaluation result(s) of the card are the same as on %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 of %n evaluation result(s) differ from %2. Whether a change is better depends on the metric (an error rate is better when lower).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::RemovedDialog</name>
    <message>
        <location filename="../../ui/cache/removeddialog.cpp" line="+16"/>
        <source>&amp;Download again</source>
        <translation>Erneut &amp;herunterladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Forget</source>
        <translation>&amp;Vergessen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed from the cache</source>
        <translation>Aus dem Cache entfernt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Removed revisions</source>
        <translation>Entfernte Revisionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download again</source>
        <translation>Erneut herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revisions deleted from the cache. Select one to download it again.</source>
        <translation>Aus dem Cache gelöschte Revisionen. Wählen Sie eine aus, um sie erneut herunterzuladen.</translation>
    </message>
</context>
<context>
    <name>hubui::RemovedListModel</name>
    <message>
        <location filename="../../ui/cache/removedlistmodel.cpp" line="+63"/>
        <source>(detached)</source>
        <translation>(nicht referenziert)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refs</source>
        <translation>Refs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freed</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
</context>
<context>
    <name>hubui::RepoBrowserPage</name>
    <message>
        <location filename="../../ui/browser/repobrowserpage.cpp" line="+26"/>
        <source>Only on this computer</source>
        <translation>Nur auf diesem Computer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listing</source>
        <translation>Auflistung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search repos by name…</source>
        <translation>Repos nach Name suchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search repos</source>
        <translation>Repos suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort repos by</source>
        <translation>Repos sortieren nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only repos in the local cache</source>
        <translation>Nur Repos im lokalen Cache zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sort by:</source>
        <translation>&amp;Sortieren nach:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Repositories</source>
        <translation>Repositorys</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Asking the Hub for the list of repos…</source>
        <translation>Liste der Repos wird beim Hub abgefragt…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No repo matches “%1”. Try a shorter search.</source>
        <translation>Kein Repo passt zu „%1“. Versuchen Sie eine kürzere Suche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no repos of this kind that you can see. If you expected private repos, sign in with a token that can read them.</source>
        <translation>%1 hat keine Repos dieser Art, die Sie sehen können. Wenn Sie private Repos erwartet haben, melden Sie sich mit einem Token an, das diese lesen darf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Hub listed no repos.</source>
        <translation>Der Hub hat keine Repos aufgelistet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading was cancelled. Pick a place in the sidebar to load it again.</source>
        <translation>Das Laden wurde abgebrochen. Wählen Sie einen Ort in der Seitenleiste, um ihn erneut zu laden.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spaces</source>
        <translation>Spaces</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on the Hub</source>
        <translation>%1 auf dem Hub</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>hubui::RepoItemDelegate</name>
    <message>
        <location filename="../../ui/browser/repoitemdelegate.cpp" line="+74"/>
        <location line="+20"/>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Gated</source>
        <translation>Zugangsbeschränkt</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Update available</source>
        <translation>Aktualisierung verfügbar</translation>
    </message>
</context>
<context>
    <name>hubui::RepoListModel</name>
    <message>
        <location filename="../../ui/browser/repolistmodel.cpp" line="+92"/>
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gated</source>
        <translation>zugangsbeschränkt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
</context>
<context>
    <name>hubui::RepoPage</name>
    <message>
        <location filename="../../ui/repo/repopage.cpp" line="+39"/>
        <source>← Back to list</source>
        <translation>← Zurück zur Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the repo list</source>
        <translation>Zurück zur Repo-Liste</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch, tag, pull request or commit id shown in Card and Files</source>
        <translation>Branch, Tag, Pull Request oder Commit-ID, die in Karte und Dateien angezeigt wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revision:</source>
        <translation>&amp;Revision:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Community (%1)</source>
        <translation>Community (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n open pull request(s)</source>
        <translation>
            <numerusform>%n offener Pull-Request</numerusform>
            <numerusform>%n offene Pull-Requests</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pull requests and discussions</source>
        <translation>Pull-Requests und Diskussionen</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Could not load branches and tags: %1</source>
        <translation>Branches und Tags konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gated</source>
        <translation>Zugangsbeschränkt</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n like(s)</source>
        <translation>
            <numerusform>%n Like</numerusform>
            <numerusform>%n Likes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settingsdialog.cpp" line="+31"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub endpoint</source>
        <translation>Hub-Endpunkt</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+16"/>
        <source>Cache folder</source>
        <translation>Cache-Ordner</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Leave empty to use the same cache as the hf tools: %1</source>
        <translation>Leer lassen, um denselben Cache wie die hf-Werkzeuge zu verwenden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 is set in the environment.)</source>
        <translation>(%1 ist in der Umgebung gesetzt.)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose cache folder</source>
        <translation>Cache-Ordner wählen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Parallel transfers</source>
        <translation>Parallele Übertragungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bandwidth limit</source>
        <translation>Bandbreitenlimit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From the environment (HTTPS_PROXY)</source>
        <translation>Aus der Umgebung (HTTPS_PROXY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For every request, e.g. http://proxy.example:3128 or http://user:password@proxy.example:3128. Secure connections go through the proxy as tunnels (CONNECT): it never sees your token.</source>
        <translation>Für jede Anfrage, z. B. http://proxy.example:3128 oder http://benutzer:passwort@proxy.example:3128. Sichere Verbindungen laufen als Tunnel (CONNECT) durch den Proxy: Er sieht Ihr Token nie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>A PEM file with your company&apos;s certificate authority, if it inspects secure connections. Certificates are always verified.</source>
        <translation>Eine PEM-Datei mit der Zertifizierungsstelle Ihrer Firma, falls sie sichere Verbindungen prüft. Zertifikate werden immer geprüft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose CA bundle</source>
        <translation>CA-Bundle wählen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Project namespaces, one per line</source>
        <translation>Projekt-Namensräume, einer pro Zeile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hub &amp;endpoint:</source>
        <translation>Hub-&amp;Endpunkt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cache folder:</source>
        <translation>&amp;Cache-Ordner:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Parallel transfers:</source>
        <translation>&amp;Parallele Übertragungen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bandwidth limit:</source>
        <translation>&amp;Bandbreitenlimit:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Project &amp;namespaces:</source>
        <translation>Projekt-&amp;Namensräume:</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>From CURL_CA_BUNDLE / SSL_CERT_FILE, else the system&apos;s</source>
        <translation>Aus CURL_CA_BUNDLE / SSL_CERT_FILE, sonst das des Systems</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>C&amp;A bundle:</source>
        <translation>C&amp;A-Bundle:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settings problems</source>
        <translation>Probleme mit den Einstellungen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The endpoint must be a web address such as https://huggingface.co.</source>
        <translation>Der Endpunkt muss eine Webadresse sein, etwa https://huggingface.co.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The proxy must be an address such as http://proxy.example:3128.</source>
        <translation>Der Proxy muss eine Adresse sein, etwa http://proxy.example:3128.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CA bundle “%1” is not a file HubDesk can read.</source>
        <translation>Das CA-Bundle „%1“ ist keine Datei, die HubDesk lesen kann.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a valid namespace (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;).</source>
        <translation>„%1“ ist kein gültiger Namensraum (Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;).</translation>
    </message>
</context>
<context>
    <name>hubui::SignInDialog</name>
    <message>
        <location filename="../../ui/signin/signindialog.cpp" line="+21"/>
        <source>Not signed in: only public repositories are visible, and nothing can be uploaded.</source>
        <translation>Nicht angemeldet: Nur öffentliche Repositorys sind sichtbar, und es kann nichts hochgeladen werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>token “%1”, %2 access</source>
        <translation>Token „%1“, Zugriff: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisations: %1</source>
        <translation>Organisationen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;witch to</source>
        <translation>&amp;Wechseln zu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out of &amp;all</source>
        <translation>Von allen &amp;Konten abmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the Hub</source>
        <translation>Beim Hub anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current account</source>
        <translation>Aktuelles Konto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste an access token from your Hub settings (Access Tokens). It is checked with the Hub, then stored where the hf command-line tool keeps it, so both share it.</source>
        <translation>Fügen Sie ein Zugriffstoken aus Ihren Hub-Einstellungen (Access Tokens) ein. Es wird beim Hub geprüft und dann dort gespeichert, wo auch das hf-Kommandozeilenwerkzeug es ablegt, sodass beide es gemeinsam nutzen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note: the HF_TOKEN environment variable is set; programs that read it use that token instead of the stored one.</source>
        <translation>Hinweis: Die Umgebungsvariable HF_TOKEN ist gesetzt; Programme, die sie lesen, verwenden dieses Token statt des gespeicherten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Stored tokens</source>
        <translation>Gespeicherte Tokens</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Checking the token with the Hub…</source>
        <translation>Token wird beim Hub geprüft…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Switching…</source>
        <translation>Wird gewechselt…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed in. HubDesk now acts as %1.</source>
        <translation>Angemeldet. HubDesk handelt jetzt als %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
</context>
<context>
    <name>hubui::SpaceChart</name>
    <message>
        <location filename="../../ui/cache/spacechart.cpp" line="+46"/>
        <source>Pie chart; the table next to it lists the same numbers</source>
        <translation>Kreisdiagramm; die Tabelle daneben enthält dieselben Zahlen</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+34"/>
        <source>%1 (table)</source>
        <translation>%1 (Tabelle)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>hubui::SpaceUsageModel</name>
    <message>
        <location filename="../../ui/cache/spaceusagemodel.cpp" line="+76"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>hubui::StatusChipDelegate</name>
    <message>
        <location filename="../../ui/community/statuschipdelegate.cpp" line="+25"/>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discussion</source>
        <translation>Diskussion</translation>
    </message>
</context>
<context>
    <name>hubui::StoredTokenModel</name>
    <message>
        <location filename="../../ui/signin/storedtokenmodel.cpp" line="+37"/>
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
</context>
<context>
    <name>hubui::TransferModel</name>
    <message>
        <location filename="../../ui/transfers/transfermodel.cpp" line="+25"/>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>hubui::TransferNotifier</name>
    <message>
        <location filename="../../ui/transfers/transfernotifier.cpp" line="+75"/>
        <source>%1: pull request opened on %2</source>
        <translation>%1: Pull Request auf %2 geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: uploaded to %2</source>
        <translation>%1: nach %2 hochgeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: downloaded from %2</source>
        <translation>%1: von %2 heruntergeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was cancelled</source>
        <translation>%1 wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Transfer failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transfer finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-37"/>
        <source>HubDesk</source>
        <translation>HubDesk</translation>
    </message>
</context>
<context>
    <name>hubui::TransferStatusWidget</name>
    <message>
        <location filename="../../ui/transfers/transferstatuswidget.cpp" line="+20"/>
        <source>Total transfer progress</source>
        <translation>Gesamtfortschritt der Übertragungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show transfers</source>
        <translation>Übertragungen zeigen</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n transfer(s), %1/s</source>
        <translation>
            <numerusform>%n Übertragung, %1/s</numerusform>
            <numerusform>%n Übertragungen, %1/s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 percent</source>
        <translation>%1 Prozent</translation>
    </message>
</context>
<context>
    <name>hubui::TransfersPage</name>
    <message>
        <location filename="../../ui/transfers/transferspage.cpp" line="+25"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Open result</source>
        <translation>Ergebnis ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear finished</source>
        <translation>Abgeschlossene &amp;entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Transfer jobs</source>
        <translation>Übertragungsaufträge</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All jobs</source>
        <translation>Alle Aufträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show jobs</source>
        <translation>Aufträge zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Transfer summary</source>
        <translation>Übertragungsübersicht</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>No transfer running.</source>
        <translation>Keine Übertragung aktiv.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n job(s) running: %1 of %2 at %3/s</source>
        <translation>
            <numerusform>%n Auftrag läuft: %1 von %2 mit %3/s</numerusform>
            <numerusform>%n Aufträge laufen: %1 von %2 mit %3/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::UploadController</name>
    <message>
        <location filename="../../ui/upload/uploadcontroller.cpp" line="+75"/>
        <source>Someone else committed to %1 while your upload ran, so nothing was overwritten. Open a pull request with your files instead?</source>
        <translation>Jemand anderes hat während Ihres Uploads auf %1 committet, daher wurde nichts überschrieben. Stattdessen einen Pull Request mit Ihren Dateien öffnen?</translation>
    </message>
</context>
<context>
    <name>hubui::UploadDialog</name>
    <message>
        <location filename="../../ui/upload/uploaddialog.cpp" line="+44"/>
        <source>Upload 1 file with HubDesk</source>
        <translation>1 Datei mit HubDesk hochladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Upload %1 files with HubDesk</source>
        <translation>%1 Dateien mit HubDesk hochladen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open as a &amp;pull request</source>
        <translation>Als &amp;Pull Request öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a pull request &amp;instead</source>
        <translation>&amp;Stattdessen Pull Request öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upload to %1</source>
        <translation>Nach %1 hochladen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account that uploads</source>
        <translation>Hochladendes Konto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uploading to %1 as %2.</source>
        <translation>Upload nach %1 als %2.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>You are not signed in. Sign in with a token that can write to %1 first.</source>
        <translation>Sie sind nicht angemeldet. Melden Sie sich zuerst mit einem Token an, das in %1 schreiben darf.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Add files to pull request #%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adding a commit to pull request #%1 of %2 as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target branch</source>
        <translation>Ziel-Branch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit message</source>
        <translation>Commit-Nachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: more about this change</source>
        <translation>Optional: mehr zu dieser Änderung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Files to upload</source>
        <translation>Hochzuladende Dateien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upload summary</source>
        <translation>Upload-Übersicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre-flight problems</source>
        <translation>Probleme bei der Vorabprüfung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Branch changed</source>
        <translation>Branch geändert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Branch:</source>
        <translation>&amp;Branch:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit &amp;message:</source>
        <translation>Commit-&amp;Nachricht:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+178"/>
        <source>&amp;Upload</source>
        <translation>&amp;Hochladen</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The upload will open a pull request against %1; nothing on the branch is overwritten.</source>
        <translation>Der Upload öffnet einen Pull Request gegen %1; auf dem Branch wird nichts überschrieben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not prepare the upload: %1</source>
        <translation>Der Upload konnte nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not check the branch: %1</source>
        <translation>Der Branch konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Checking the files against %1…</source>
        <translation>Dateien werden mit %1 abgeglichen…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing to upload: every file is already on the Hub unchanged.</source>
        <translation>Nichts hochzuladen: Alle Dateien sind bereits unverändert auf dem Hub.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) to send (%1), %2 through LFS</source>
        <translation>
            <numerusform>%n Datei zu senden (%1), davon %2 über LFS</numerusform>
            <numerusform>%n Dateien zu senden (%1), davon %2 über LFS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n unchanged file(s) skipped</source>
        <translation>
            <numerusform>%n unveränderte Datei übersprungen</numerusform>
            <numerusform>%n unveränderte Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>split into %1 commits</source>
        <translation>aufgeteilt in %1 Commits</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Error: </source>
        <translation>Fehler: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking that nobody else changed %1…</source>
        <translation>Es wird geprüft, ob niemand sonst %1 geändert hat…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Someone else committed to %1 since this dialog opened (it was at %2, it is now at %3). Uploading now could overwrite their work. Open a pull request instead, or check the files again against the new state.</source>
        <translation>Jemand anderes hat auf %1 committet, seit dieser Dialog geöffnet wurde (vorher %2, jetzt %3). Ein Upload könnte jetzt dessen Arbeit überschreiben. Öffnen Sie stattdessen einen Pull Request oder prüfen Sie die Dateien erneut gegen den neuen Stand.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The branch moved; nothing was uploaded.</source>
        <translation>Der Branch hat sich bewegt; es wurde nichts hochgeladen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add to &amp;pull request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;pull request</source>
        <translation>Pull Request ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>hubui::UploadPlanModel</name>
    <message>
        <location filename="../../ui/upload/uploadplanmodel.cpp" line="+24"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged (skipped)</source>
        <translation>Unverändert (übersprungen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignored (.gitignore)</source>
        <translation>Ignoriert (.gitignore)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Error: </source>
        <translation>Fehler: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>LFS</source>
        <translation>LFS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Regular</source>
        <translation>Regulär</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Path in repository</source>
        <translation>Pfad im Repository</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored as</source>
        <translation>Gespeichert als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-flight check</source>
        <translation>Vorabprüfung</translation>
    </message>
</context>
<context>
    <name>hubui::UploadResultBanner</name>
    <message>
        <location filename="../../ui/upload/uploadresultbanner.cpp" line="+13"/>
        <source>the pull request</source>
        <translation>den Pull Request</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>commit %1</source>
        <translation>Commit %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Uploaded %n file(s) to %1: see %2.</source>
        <translation>
            <numerusform>%n Datei nach %1 hochgeladen: siehe %2.</numerusform>
            <numerusform>%n Dateien nach %1 hochgeladen: siehe %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Uploaded %n file(s) to %1 as %2.</source>
        <translation>
            <numerusform>%n Datei als %2 nach %1 hochgeladen.</numerusform>
            <numerusform>%n Dateien als %2 nach %1 hochgeladen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upload finished</source>
        <translation>Upload abgeschlossen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show in &amp;History</source>
        <translation>Im &amp;Verlauf zeigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the &amp;pull request</source>
        <translation>&amp;Pull-Request öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in History</source>
        <translation>Im Verlauf zeigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the pull request</source>
        <translation>Pull-Request öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>hubui::ValueChangeModel</name>
    <message>
        <location filename="../../ui/compare/valuechangemodel.cpp" line="+33"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(whole value)</source>
        <translation>(ganzer Wert)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>Davor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Danach</translation>
    </message>
</context>
<context>
    <name>hubui::WelcomeDialog</name>
    <message>
        <location filename="../../ui/shell/welcomedialog.cpp" line="+16"/>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Try the sandbox Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse without signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Welcome to HubDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HubDesk shows the models and datasets your team keeps on the Hugging Face Hub: their model cards and evaluation results, every version and what changed between two of them, and the pull requests that propose the next one. It downloads into the same cache Python uses (a model fetched here loads in transformers offline), shows what takes space on this computer, and publishes files you drop onto a repo as a commit or a pull request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sign in</source>
        <translation type="unfinished">Anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try the sandbox Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse without signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use an access token from your account on %1 (Settings → Access Tokens); private repos and uploads need one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A demo Hub on this computer with a small project in it: no account and no network needed, and nothing you do there reaches the real Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public models and datasets on %1; sign in later from the Account menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::format</name>
    <message>
        <location filename="../../ui/core/format.cpp" line="+59"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
</TS>
