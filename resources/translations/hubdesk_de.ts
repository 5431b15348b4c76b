<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/signin/accountservice.cpp" line="+124"/>
        <source>The stored token could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfers/transferadapter.cpp" line="+98"/>
        <source>Retrying: %1</source>
        <translation>Neuer Versuch: %1</translation>
    </message>
    <message>
        <location filename="../../app/hubdesk/main.cpp" line="+48"/>
        <source>HubDesk cannot start</source>
        <translation>HubDesk kann nicht starten</translation>
    </message>
    <message>
        <location filename="../../ui/cache/pages.cpp" line="+17"/>
        <source>Local cache</source>
        <translation type="unfinished">Lokaler Cache</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.cpp" line="+15"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new endpoint, cache folder and proxy are used from the next start of HubDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signin/pages.cpp" line="+14"/>
        <source>&amp;Sign in or switch account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfers/pages.cpp" line="+32"/>
        <source>Transfers</source>
        <translation type="unfinished">Übertragungen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>HubDesk</source>
        <translation type="unfinished">HubDesk</translation>
    </message>
    <message>
        <location filename="../../ui/upload/pages.cpp" line="+98"/>
        <source>%1 (%2 access)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Upload files to this repository…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Upload</source>
        <translation type="unfinished">Hochladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a repository first, then upload files to it (or drop files onto its window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files to upload</source>
        <translation type="unfinished">Hochzuladende Dateien</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Upload started; see Transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Upload failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The upload to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Branch changed</source>
        <translation type="unfinished">Branch geändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a &amp;pull request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::AccountService</name>
    <message>
        <location filename="../../ui/signin/accountservice.cpp" line="-51"/>
        <source>Paste a token first. You can create one at huggingface.co/settings/tokens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::AppContext</name>
    <message>
        <location filename="../../ui/core/appcontext.cpp" line="+118"/>
        <source>Offline mode is on (HF_HUB_OFFLINE): only the local cache is shown.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files of this repo are in the local cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cached main branch is older than the Hub&apos;s: download it again to get the newest version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::CacheModel</name>
    <message>
        <location filename="../../ui/cache/cachemodel.cpp" line="+83"/>
        <source>(detached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 is missing from this snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Bytes that only this entry uses: what deleting it frees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes also used by another revision of the same repository: they stay</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Refs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <location line="-39"/>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xet cache</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunk cache of the Xet client; can only be emptied as a whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>%n revision(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::CachePage</name>
    <message>
        <location filename="../../ui/cache/cachepage.cpp" line="+56"/>
        <source>Local cache</source>
        <translation>Lokaler Cache</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scanning the cache…</source>
        <translation>Cache wird eingelesen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not scan the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot delete that: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted; freed %1.</source>
        <translation>Gelöscht; %1 freigegeben.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n item(s) skipped (in use or already gone).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n item(s) could not be deleted: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Rescan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by repository, commit or ref</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 10 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 100 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ize:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not used for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Not used for %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Da&amp;maged only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Damaged entries</source>
        <translation>Beschädigte Einträge</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cached repositories, revisions and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Space by repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space by revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prune…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/cache/cachepageactions.cpp" line="+48"/>
        <source>P&amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed re&amp;visions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cache status</source>
        <translation>Cache-Status</translation>
    </message>
    <message numerus="yes">
        <location line="+73"/>
        <source>Cache: %1 — %2 in %n repository(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>and %n revision(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unfinished downloads %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xet cache %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>⚠ %n damaged repository(s): %1. Select a damaged row to see what is wrong, then Repair (download it again) or Delete it. &quot;Damaged only&quot; shows just these.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cache is empty. Files you download appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanning</source>
        <translation>Wird eingelesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan complete.</source>
        <translation>Einlesen abgeschlossen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Other repositories</source>
        <translation>Andere Repositorys</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unfinished downloads</source>
        <translation>Unfertige Downloads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xet cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Shared by several revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space by revision in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space by revision (select a repository)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/cache/cachepageactions.cpp" line="+0"/>
        <source>Un&amp;pin</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a repository, revision or file to delete. Unfinished downloads are removed with Prune.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Working out what the deletion frees…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was deleted.</source>
        <translation>Nichts wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pruning…</source>
        <translation>Wird aufgeräumt…</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n revision(s) unpinned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n revision(s) pinned: Prune will keep them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking the files in the cache against their hashes…</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verified: every file matches its hash; %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n file(s) do not match their hash: %1. Select the revision and choose Repair or Delete.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n download(s) queued to repair the damaged entries; see Transfers.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a damaged repository or revision to repair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Downloading %1 at %2 again; see Transfers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::CacheService</name>
    <message>
        <location filename="../../ui/cache/cacheservice.cpp" line="+70"/>
        <source>The cache has not been scanned yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::CardView</name>
    <message>
        <location filename="../../ui/repo/cardview.cpp" line="+48"/>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Evaluation results&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading the card was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading the model card at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This revision has no model card (README.md). A card tells people what the model does, its license and how well it works.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Problems with this card: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No evaluation results in this card.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (LFS)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>branch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>PR #%1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>config.json was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither revision has a config.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The model card was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model card was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither revision has a model card (README.md).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::ComparisonWidget</name>
    <message>
        <location filename="../../ui/compare/comparisonwidget.cpp" line="+67"/>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>config.json, key by key</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text diff</source>
        <translation>Textvergleich</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pick two revisions to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The comparison was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Listing the files of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparing %1 with %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 → %2. </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) added, </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n removed, </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n renamed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; size change %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>config.json is the same in both revisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n key(s) of config.json changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card&apos;s metadata is the same in both revisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n metadata field(s) changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing changed between these two revisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is stored with Git LFS (large or binary): there is no line-by-line difference to show. Its size changed by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a small text file: no line-by-line difference is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the difference of %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::DeletePlanDialog</name>
    <message>
        <location filename="../../ui/cache/deleteplandialog.cpp" line="+29"/>
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
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n repository(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n revision(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the whole repository (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: revision %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: unfinished download %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: file %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is shared with %2 and stays (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete from the cache</source>
        <translation>Aus dem Cache löschen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the deletion frees</source>
        <translation type="unfinished"></translation>
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
        <location line="+2"/>
        <source>&amp;Stays, because other revisions still use it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::FileTreeModel</name>
    <message>
        <location filename="../../ui/repo/filetreemodel.cpp" line="+138"/>
        <source>%1 (listing…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not listed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In cache</source>
        <translation type="unfinished">Im Cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 files in cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) in cache</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Some folders below this one are not listed yet: open them to add up the full size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s), %1 in total</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Large file stored with Git LFS (SHA-256 %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular Git file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation type="unfinished">Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation type="unfinished">Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On this computer</source>
        <translation type="unfinished">Auf diesem Computer</translation>
    </message>
</context>
<context>
    <name>hubui::FilesView</name>
    <message>
        <location filename="../../ui/repo/filesview.cpp" line="+38"/>
        <source>Download &amp;selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download &amp;whole revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected cached file, or the cached folder, with the default application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the folder that holds the selected cached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Listing the files was cancelled. Pick a revision above to list them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Listing the files of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This revision has no files. Pick another revision above, or upload files to this repo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not list %1: %2 Close and open the folder to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+107"/>
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) listed so far</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 at commit %2 · %3 in the local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This repo has many files: each folder is listed when you open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Downloading %n item(s)… (see Transfers)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Downloading revision %1… (see Transfers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not start the download: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::HistoryView</name>
    <message>
        <location filename="../../ui/history/historyview.cpp" line="+25"/>
        <source>Compare &amp;selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create &amp;tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create &amp;branch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Download this revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Commits</source>
        <translation>Commits</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select two commits (Ctrl+click) to compare them</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%1 of %n commit(s) loaded — scroll down for more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n commit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This revision has no commits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not load more commits: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the history was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Loading the history of %1…</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch name for commit %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not create the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not create the branch</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../ui/core/loadstatewidget.cpp" line="+15"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing here yet</source>
        <translation>Noch nichts hier</translation>
    </message>
</context>
<context>
    <name>hubui::MainWindow</name>
    <message>
        <location filename="../../ui/shell/mainwindow.cpp" line="+46"/>
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
        <location line="+8"/>
        <source>Add a &amp;namespace…</source>
        <translation type="unfinished"></translation>
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
        <location line="+25"/>
        <source>Download of %1 finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download of %1 did not finish: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the sandbox Hub (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not signed in · %1&lt;br&gt;&lt;small&gt;Public repos only.&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;&lt;small&gt;Token: %1 access&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Sign-in failed&lt;/b&gt; · %1&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Offline&lt;/b&gt; · %1&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An organisation you belong to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A namespace you added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a namespace…</source>
        <translation>Namensraum hinzufügen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Add a namespace</source>
        <translation>Namensraum hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User or organisation name on the Hub (for example PellelNitram):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::MetricTableModel</name>
    <message>
        <location filename="../../ui/metrics/metrictablemodel.cpp" line="+40"/>
        <source>%1: no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../ui/metrics/metricsview.cpp" line="+73"/>
        <source>Every &amp;commit of main (not only tagged versions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Metrics chart</source>
        <translation>Metrikdiagramm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same numbers are in the table below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Metrics table</source>
        <translation>Metriktabelle</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading the metrics was cancelled. Tick or untick the box above to load again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The metrics load when you open this tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the model card of each commit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the model card of each tagged version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This repo has no commits on main.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This repo has no tags yet. Tag a release in History (Create tag…), or tick “Every commit” to chart every commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No version&apos;s model card has evaluation results (model-index). Add results to the card&apos;s YAML front matter to chart them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Evaluation results by version</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../ui/cache/prunedialog.cpp" line="+18"/>
        <source>Revisions no branch or tag points to (&amp;unreferenced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revisions &amp;not used for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un&amp;finished downloads (not running now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prune the cache</source>
        <translation>Cache aufräumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days without use</source>
        <translation>Tage ohne Nutzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What pruning removes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space pruning frees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Prune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose what to remove. Pinned revisions are always kept. Nothing is deleted until you press Prune.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pre&amp;view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+17"/>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::RemovedListModel</name>
    <message>
        <location filename="../../ui/cache/removedlistmodel.cpp" line="+63"/>
        <source>(detached)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <location filename="../../ui/browser/repobrowserpage.cpp" line="+25"/>
        <source>Only on this computer</source>
        <translation>Nur auf diesem Computer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listing</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No repo matches “%1”. Try a shorter search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no repos of this kind that you can see. If you expected private repos, sign in with a token that can read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Hub listed no repos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading was cancelled. Pick a place in the sidebar to load it again.</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../ui/repo/repopage.cpp" line="+36"/>
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
        <translation type="unfinished"></translation>
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
        <location line="+86"/>
        <source>Could not load branches and tags: %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settingsdialog.cpp" line="+27"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 is set in the environment.)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Project namespaces, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hub &amp;endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cache folder:</source>
        <translation>&amp;Cache-Ordner:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Parallel transfers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bandwidth limit:</source>
        <translation>&amp;Bandbreitenlimit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project &amp;namespaces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings problems</source>
        <translation>Probleme mit den Einstellungen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The endpoint must be a web address such as https://huggingface.co.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The proxy must be an address such as http://proxy.example:3128.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a valid namespace (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::SignInDialog</name>
    <message>
        <location filename="../../ui/signin/signindialog.cpp" line="+20"/>
        <source>Not signed in: only public repositories are visible, and nothing can be uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>token “%1”, %2 access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;witch to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out of &amp;all</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note: the HF_TOKEN environment variable is set; programs that read it use that token instead of the stored one.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Switching…</source>
        <translation>Wird gewechselt…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed in. HubDesk now acts as %1.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+34"/>
        <source>%1 (table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (%2 %)</source>
        <translation type="unfinished"></translation>
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
        <source>Size on disk</source>
        <translation>Größe auf der Festplatte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::StoredTokenModel</name>
    <message>
        <location filename="../../ui/signin/storedtokenmodel.cpp" line="+37"/>
        <source>%1 (active)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 of %2 (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../ui/transfers/transfernotifier.cpp" line="+21"/>
        <source>%1: pull request opened on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: uploaded to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: downloaded from %2</source>
        <translation type="unfinished"></translation>
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
        <location line="+18"/>
        <source>HubDesk</source>
        <translation>HubDesk</translation>
    </message>
</context>
<context>
    <name>hubui::TransferStatusWidget</name>
    <message>
        <location filename="../../ui/transfers/transferstatuswidget.cpp" line="+19"/>
        <source>Total transfer progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show transfers</source>
        <translation>Übertragungen zeigen</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n transfer(s), %1/s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 percent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::TransfersPage</name>
    <message>
        <location filename="../../ui/transfers/transferspage.cpp" line="+24"/>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Open result</source>
        <translation>Ergebnis ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear finished</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hubui::UploadController</name>
    <message>
        <location filename="../../ui/upload/uploadcontroller.cpp" line="+75"/>
        <source>Someone else committed to %1 while your upload ran, so nothing was overwritten. Open a pull request with your files instead?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::UploadDialog</name>
    <message>
        <location filename="../../ui/upload/uploaddialog.cpp" line="+33"/>
        <source>Upload 1 file with HubDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Upload %1 files with HubDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open as a &amp;pull request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a pull request &amp;instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upload to %1</source>
        <translation>Nach %1 hochladen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account that uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uploading to %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are not signed in. Sign in with a token that can write to %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+171"/>
        <source>&amp;Upload</source>
        <translation>&amp;Hochladen</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The upload will open a pull request against %1; nothing on the branch is overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not prepare the upload: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not check the branch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Checking the files against %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing to upload: every file is already on the Hub unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) to send (%1), %2 through LFS</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n unchanged file(s) skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>split into %1 commits</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Someone else committed to %1 since this dialog opened (it was at %2, it is now at %3). Uploading now could overwrite their work. Open a pull request instead, or check the files again against the new state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The branch moved; nothing was uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open &amp;pull request</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignored (.gitignore)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Regular</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hubui::UploadResultBanner</name>
    <message>
        <location filename="../../ui/upload/uploadresultbanner.cpp" line="+13"/>
        <source>the pull request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>commit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Uploaded %n file(s) to %1: see %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Uploaded %n file(s) to %1 as %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upload finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show in &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
    <name>hubui::format</name>
    <message>
        <location filename="../../ui/core/format.cpp" line="+52"/>
        <source>just now</source>
        <translation type="unfinished">gerade eben</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
