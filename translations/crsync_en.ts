<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Options:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Arguments:</translation>
    </message>
</context>
<context>
    <name>crsync::ArtifactJob</name>
    <message>
        <source>The index %1 of %2 nests deeper than crsync follows.</source>
        <translation>The index %1 of %2 nests deeper than crsync follows.</translation>
    </message>
    <message>
        <source>The target stored manifest %1 of %2 under digest %3; the registry rewrote it.</source>
        <translation>The target stored manifest %1 of %2 under digest %3; the registry rewrote it.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Canceled.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>manifest %1</source>
        <translation>manifest %1</translation>
    </message>
    <message>
        <source>blob %1</source>
        <translation>blob %1</translation>
    </message>
    <message>
        <source>The task was canceled.</source>
        <translation>The task was canceled.</translation>
    </message>
    <message>
        <source>The manifests of %1:%2 were not read.</source>
        <translation>The manifests of %1:%2 were not read.</translation>
    </message>
    <message>
        <source>referrers of %1</source>
        <translation>referrers of %1</translation>
    </message>
    <message>
        <source>referrer %1</source>
        <translation>referrer %1</translation>
    </message>
    <message>
        <source>%1:%2 at the target differs from the source and the rule does not overwrite; left as it is.</source>
        <translation>%1:%2 at the target differs from the source and the rule does not overwrite; left as it is.</translation>
    </message>
</context>
<context>
    <name>crsync::AuthSession</name>
    <message>
        <source>The registry %1 asked for a login in a way crsync cannot read. %2</source>
        <translation>The registry %1 asked for a login in a way crsync cannot read. %2</translation>
    </message>
    <message>
        <source>The registry %1 sent a Bearer challenge without a usable realm (token service URL): %2</source>
        <translation>The registry %1 sent a Bearer challenge without a usable realm (token service URL): %2</translation>
    </message>
    <message>
        <source>The registry %1 asks for an authentication scheme crsync does not support: %2</source>
        <translation>The registry %1 asks for an authentication scheme crsync does not support: %2</translation>
    </message>
    <message>
        <source>Getting an access token for %1 from %2</source>
        <translation>Getting an access token for %1 from %2</translation>
    </message>
    <message>
        <source>the registry</source>
        <translation>the registry</translation>
    </message>
    <message>
        <source>The registry %1 requires a login: its token service refused anonymous access. Set a username and password for it.</source>
        <translation>The registry %1 requires a login: its token service refused anonymous access. Set a username and password for it.</translation>
    </message>
    <message>
        <source>The registry %1 refused the credentials for user %2. Check the username and password.</source>
        <translation>The registry %1 refused the credentials for user %2. Check the username and password.</translation>
    </message>
    <message>
        <source>The token service of the registry %1 answered without a token.</source>
        <translation>The token service of the registry %1 answered without a token.</translation>
    </message>
    <message>
        <source>The registry %1 names %2 as its token service, plain HTTP on another host: crsync will not send the password over plain HTTP to another host. Use a token service over HTTPS for this registry, or allow plain HTTP for this instance if the network between them is trusted.</source>
        <translation>The registry %1 names %2 as its token service, plain HTTP on another host: crsync will not send the password over plain HTTP to another host. Use a token service over HTTPS for this registry, or allow plain HTTP for this instance if the network between them is trusted.</translation>
    </message>
</context>
<context>
    <name>crsync::Automation</name>
    <message>
        <source>the webhook secret</source>
        <translation>the webhook secret</translation>
    </message>
    <message>
        <source>Automatic sync for %1 already runs in process %2 on %3; only one process may run it per data dir. Stop that one first.</source>
        <translation>Automatic sync for %1 already runs in process %2 on %3; only one process may run it per data dir. Stop that one first.</translation>
    </message>
    <message>
        <source>listening for webhooks on %1</source>
        <translation>listening for webhooks on %1</translation>
    </message>
    <message>
        <source>The listen address is HOST:PORT with HOST an IP address, e.g. 127.0.0.1:8765 (&quot;%1&quot; is not).</source>
        <translation>The listen address is HOST:PORT with HOST an IP address, e.g. 127.0.0.1:8765 (&quot;%1&quot; is not).</translation>
    </message>
    <message>
        <source>TLS needs both a certificate file and its key file.</source>
        <translation>TLS needs both a certificate file and its key file.</translation>
    </message>
    <message>
        <source>Listening on %1 reaches beyond this machine: give a TLS certificate and key (--tls-cert, --tls-key) so that the webhook secret never crosses the network in clear, or listen on 127.0.0.1 behind a reverse proxy.</source>
        <translation>Listening on %1 reaches beyond this machine: give a TLS certificate and key (--tls-cert, --tls-key) so that the webhook secret never crosses the network in clear, or listen on 127.0.0.1 behind a reverse proxy.</translation>
    </message>
</context>
<context>
    <name>crsync::BlobCopyJob</name>
    <message>
        <source>Copying the blob %1 from %2 on %3 to %4</source>
        <translation>Copying the blob %1 from %2 on %3 to %4</translation>
    </message>
    <message>
        <source>%1 on the registry %2 is not possible: the blob&apos;s digest or size is not valid.</source>
        <translation>%1 on the registry %2 is not possible: the blob&apos;s digest or size is not valid.</translation>
    </message>
    <message>
        <source>%1 failed: the source sent %2 bytes, the manifest says %3.</source>
        <translation>%1 failed: the source sent %2 bytes, the manifest says %3.</translation>
    </message>
    <message>
        <source>The blob copied from the repository %1 on %2 does not match its digest: expected %3, the bytes hash to %4. Nothing was committed to %5 on %6.</source>
        <translation>The blob copied from the repository %1 on %2 does not match its digest: expected %3, the bytes hash to %4. Nothing was committed to %5 on %6.</translation>
    </message>
    <message>
        <source>Mounting the blob %1 from %2 into %3</source>
        <translation>Mounting the blob %1 from %2 into %3</translation>
    </message>
</context>
<context>
    <name>crsync::BlobSourceReader</name>
    <message>
        <source>Reading the blob %1 from %2</source>
        <translation>Reading the blob %1 from %2</translation>
    </message>
    <message>
        <source>%1 failed: the source has %2 bytes, the manifest says %3. Nothing was committed at %4.</source>
        <translation>%1 failed: the source has %2 bytes, the manifest says %3. Nothing was committed at %4.</translation>
    </message>
    <message>
        <source>%1 failed: the source sent more bytes than the manifest says (%2). Nothing was committed at %3.</source>
        <translation>%1 failed: the source sent more bytes than the manifest says (%2). Nothing was committed at %3.</translation>
    </message>
    <message>
        <source>%1 failed: the source stopped after %2 of %3 bytes.</source>
        <translation>%1 failed: the source stopped after %2 of %3 bytes.</translation>
    </message>
</context>
<context>
    <name>crsync::ChunkUploader</name>
    <message>
        <source>The registry %1 started an upload to %2 without saying where to send it (no Location header).</source>
        <translation>The registry %1 started an upload to %2 without saying where to send it (no Location header).</translation>
    </message>
    <message>
        <source>%1: the registry %2 holds %3 bytes after a chunk that should end at %4.</source>
        <translation>%1: the registry %2 holds %3 bytes after a chunk that should end at %4.</translation>
    </message>
</context>
<context>
    <name>crsync::ChunkedUploadJob</name>
    <message>
        <source>The registry %1 started an upload to %2 without saying where to send it (no Location header).</source>
        <translation>The registry %1 started an upload to %2 without saying where to send it (no Location header).</translation>
    </message>
</context>
<context>
    <name>crsync::ConnectionReportView</name>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Testing the connection to %1…</translation>
    </message>
    <message>
        <source>Reachable; login not tested (no password)</source>
        <translation>Reachable; login not tested (no password)</translation>
    </message>
    <message numerus="yes">
        <source>OK, %n repository(s) visible</source>
        <translation>
            <numerusform>OK, %n repository visible</numerusform>
            <numerusform>OK, %n repositories visible</numerusform>
        </translation>
    </message>
    <message>
        <source>OK (the catalog is not open to this user)</source>
        <translation>OK (the catalog is not open to this user)</translation>
    </message>
    <message>
        <source>Failed: the certificate did not verify</source>
        <translation>Failed: the certificate did not verify</translation>
    </message>
    <message>
        <source>Failed: not reachable</source>
        <translation>Failed: not reachable</translation>
    </message>
    <message>
        <source>Failed: no password in the keychain</source>
        <translation>Failed: no password in the keychain</translation>
    </message>
    <message>
        <source>Failed: login refused</source>
        <translation>Failed: login refused</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Reachable: the registry answered at %1 (HTTP %2).</source>
        <translation>Reachable: the registry answered at %1 (HTTP %2).</translation>
    </message>
    <message>
        <source>Login accepted for user %1.</source>
        <translation>Login accepted for user %1.</translation>
    </message>
    <message>
        <source>Login refused for user %1.</source>
        <translation>Login refused for user %1.</translation>
    </message>
    <message>
        <source>Login not tested: type the password of user %1.</source>
        <translation>Login not tested: type the password of user %1.</translation>
    </message>
    <message>
        <source>No login needed.</source>
        <translation>No login needed.</translation>
    </message>
    <message>
        <source>Anonymous access (no username).</source>
        <translation>Anonymous access (no username).</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s) visible.</source>
        <translation>
            <numerusform>%n repository visible.</numerusform>
            <numerusform>%n repositories visible.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not reachable.</source>
        <translation>Not reachable.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <source>Test connection checks that the registry answers, that it accepts the login, and which repositories it shows.</source>
        <translation>Test connection checks that the registry answers, that it accepts the login, and which repositories it shows.</translation>
    </message>
    <message>
        <source>Failed: password withheld from a plain-HTTP token service</source>
        <translation>Failed: password withheld from a plain-HTTP token service</translation>
    </message>
    <message>
        <source>Login not tried: the password of user %1 is not sent to a token service over plain HTTP on another host.</source>
        <translation>Login not tried: the password of user %1 is not sent to a token service over plain HTTP on another host.</translation>
    </message>
    <message>
        <source>The catalog is not open to this user (normal for Harbor and TCR): rules on this source sync the repositories their filter names, as in web|api|worker.</source>
        <translation>The catalog is not open to this user (normal for Harbor and TCR): rules on this source sync the repositories their filter names, as in web|api|worker.</translation>
    </message>
</context>
<context>
    <name>crsync::ConnectionTest</name>
    <message>
        <source>The registry&apos;s certificate did not verify: give the certificate of the authority that signed it as the CA file, or check that the URL names the right host.</source>
        <translation>The registry&apos;s certificate did not verify: give the certificate of the authority that signed it as the CA file, or check that the URL names the right host.</translation>
    </message>
    <message>
        <source>The registry did not answer: check the URL and port, that the registry runs, and that no firewall or proxy is in the way.</source>
        <translation>The registry did not answer: check the URL and port, that the registry runs, and that no firewall or proxy is in the way.</translation>
    </message>
    <message>
        <source>The keychain has no password for this instance: type it in the instance&apos;s form (or &quot;crsync instance edit NAME --password-stdin&quot;).</source>
        <translation>The keychain has no password for this instance: type it in the instance&apos;s form (or &quot;crsync instance edit NAME --password-stdin&quot;).</translation>
    </message>
    <message>
        <source>The registry wants a login: give a username and its password.</source>
        <translation>The registry wants a login: give a username and its password.</translation>
    </message>
    <message>
        <source>The registry refused the username or password: check both, and that the account may log in to the registry.</source>
        <translation>The registry refused the username or password: check both, and that the account may log in to the registry.</translation>
    </message>
    <message>
        <source>The keychain could not be read: unlock or start it, then test again.</source>
        <translation>The keychain could not be read: unlock or start it, then test again.</translation>
    </message>
    <message>
        <source>The registry answered something crsync did not expect: check that the URL is the registry&apos;s own (not its web console).</source>
        <translation>The registry answered something crsync did not expect: check that the URL is the registry&apos;s own (not its web console).</translation>
    </message>
    <message>
        <source>the password of instance &quot;%1&quot;</source>
        <translation>the password of instance &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The registry sends logins to a token service over plain HTTP on another host, and crsync does not send the password there: have the registry use an HTTPS token service, or, on a network you trust, allow plain HTTP for this instance.</source>
        <translation>The registry sends logins to a token service over plain HTTP on another host, and crsync does not send the password there: have the registry use an HTTPS token service, or, on a network you trust, allow plain HTTP for this instance.</translation>
    </message>
</context>
<context>
    <name>crsync::CredentialStore</name>
    <message>
        <source>No keychain is available to %1 %2: crsync keeps passwords only in a Secret Service keychain, and none answered on the D-Bus session bus (%3). Install and start gnome-keyring or KWallet, or run crsync inside a desktop session; on a headless machine start a session bus with an unlocked keyring (for example dbus-run-session with gnome-keyring-daemon --unlock). Nothing was stored in plain text.</source>
        <translation>No keychain is available to %1 %2: crsync keeps passwords only in a Secret Service keychain, and none answered on the D-Bus session bus (%3). Install and start gnome-keyring or KWallet, or run crsync inside a desktop session; on a headless machine start a session bus with an unlocked keyring (for example dbus-run-session with gnome-keyring-daemon --unlock). Nothing was stored in plain text.</translation>
    </message>
    <message>
        <source>The keychain could not %1 %2: it has no unlocked keyring (%3). Unlock the default keyring (log in to the desktop session, or start gnome-keyring-daemon with --unlock on a headless machine) and try again. Nothing was stored in plain text.</source>
        <translation>The keychain could not %1 %2: it has no unlocked keyring (%3). Unlock the default keyring (log in to the desktop session, or start gnome-keyring-daemon with --unlock on a headless machine) and try again. Nothing was stored in plain text.</translation>
    </message>
    <message>
        <source>The keychain (service &quot;%1&quot;) does not hold %2.</source>
        <translation>The keychain (service &quot;%1&quot;) does not hold %2.</translation>
    </message>
    <message>
        <source>The keychain refused to %1 %2 (%3). Unlock the keyring (log in to the desktop session or unlock it in your keyring manager) and try again.</source>
        <translation>The keychain refused to %1 %2 (%3). Unlock the keyring (log in to the desktop session or unlock it in your keyring manager) and try again.</translation>
    </message>
    <message>
        <source>The keychain could not %1 %2: %3</source>
        <translation>The keychain could not %1 %2: %3</translation>
    </message>
    <message>
        <source>read</source>
        <translation>read</translation>
    </message>
    <message>
        <source>store</source>
        <translation>store</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>remove</translation>
    </message>
</context>
<context>
    <name>crsync::DiscardChanges</name>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>crsync::EndpointResolver</name>
    <message>
        <source>the password of instance &quot;%1&quot; (user %2)</source>
        <translation>the password of instance &quot;%1&quot; (user %2)</translation>
    </message>
    <message>
        <source>Store it again with &quot;crsync instance edit %1 --password-stdin&quot; or in the instance&apos;s form in the console.</source>
        <translation>Store it again with &quot;crsync instance edit %1 --password-stdin&quot; or in the instance&apos;s form in the console.</translation>
    </message>
    <message>
        <source>the password of user %1 at the cross-account target %2</source>
        <translation>the password of user %1 at the cross-account target %2</translation>
    </message>
    <message>
        <source>Store it again with &quot;crsync rule edit %1 --target-password-stdin&quot; or in the rule&apos;s form in the console.</source>
        <translation>Store it again with &quot;crsync rule edit %1 --target-password-stdin&quot; or in the rule&apos;s form in the console.</translation>
    </message>
    <message>
        <source>Could not read %1 from the keychain: %2 %3</source>
        <translation>Could not read %1 from the keychain: %2 %3</translation>
    </message>
</context>
<context>
    <name>crsync::Engine</name>
    <message>
        <source>Rule %1 is disabled; enable it before syncing it.</source>
        <translation>Rule %1 is disabled; enable it before syncing it.</translation>
    </message>
    <message>
        <source>Rule %1 has a filter that is not a valid regular expression; edit the rule.</source>
        <translation>Rule %1 has a filter that is not a valid regular expression; edit the rule.</translation>
    </message>
    <message>
        <source>crsync stopped while the task ran. Sync the rule again to complete it.</source>
        <translation>crsync stopped while the task ran. Sync the rule again to complete it.</translation>
    </message>
    <message>
        <source>No artifact was named for rule %1.</source>
        <translation>No artifact was named for rule %1.</translation>
    </message>
    <message>
        <source>The task was canceled.</source>
        <translation>The task was canceled.</translation>
    </message>
    <message>
        <source>crsync is shutting down; rule %1 was not synced.</source>
        <translation>crsync is shutting down; rule %1 was not synced.</translation>
    </message>
    <message>
        <source>A filter of the rule is not a valid regular expression; nothing was previewed.</source>
        <translation>A filter of the rule is not a valid regular expression; nothing was previewed.</translation>
    </message>
    <message>
        <source>The preview was stopped.</source>
        <translation>The preview was stopped.</translation>
    </message>
</context>
<context>
    <name>crsync::EventQueue</name>
    <message numerus="yes">
        <source>%n push event(s) of an earlier run wait again.</source>
        <translation>
            <numerusform>%n push event of an earlier run waits again.</numerusform>
            <numerusform>%n push events of an earlier run wait again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n push event(s) of rule %1 dropped: %2</source>
        <translation>
            <numerusform>%n push event of rule %1 dropped: %2</numerusform>
            <numerusform>%n push events of rule %1 dropped: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>task %1 started for %n push event(s) (%2 artifact(s)) of rule %3</source>
        <translation>
            <numerusform>task %1 started for %n push event (%2 artifact(s)) of rule %3</numerusform>
            <numerusform>task %1 started for %n push events (%2 artifact(s)) of rule %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The task did not reach %1:%2 (it may be gone from the source, or not of the rule&apos;s resource type).</source>
        <translation>The task did not reach %1:%2 (it may be gone from the source, or not of the rule&apos;s resource type).</translation>
    </message>
    <message>
        <source>The task ended %1.</source>
        <translation>The task ended %1.</translation>
    </message>
    <message numerus="yes">
        <source>push %1:%2 (event %3) given up after %n attempt(s): %4</source>
        <translation>
            <numerusform>push %1:%2 (event %3) given up after %n attempt: %4</numerusform>
            <numerusform>push %1:%2 (event %3) given up after %n attempts: %4</numerusform>
        </translation>
    </message>
    <message>
        <source>push %1:%2 (event %3) not synced by task %4, retried in %5 s: %6</source>
        <translation>push %1:%2 (event %3) not synced by task %4, retried in %5 s: %6</translation>
    </message>
    <message>
        <source>task %1 ended %2: %3 push event(s) synced, %4 to retry, %5 failed, %6 waiting for the next start</source>
        <translation>task %1 ended %2: %3 push event(s) synced, %4 to retry, %5 failed, %6 waiting for the next start</translation>
    </message>
</context>
<context>
    <name>crsync::HarborProjectJob</name>
    <message>
        <source>Looking for the Harbor project %1</source>
        <translation>Looking for the Harbor project %1</translation>
    </message>
    <message>
        <source>Creating the Harbor project %1</source>
        <translation>Creating the Harbor project %1</translation>
    </message>
</context>
<context>
    <name>crsync::HarborRepositoriesJob</name>
    <message>
        <source>Listing the repositories of the Harbor project %1</source>
        <translation>Listing the repositories of the Harbor project %1</translation>
    </message>
    <message>
        <source>%1 on the registry %2 failed: the answer is not a JSON list (%3). Is this instance&apos;s flavor right?</source>
        <translation>%1 on the registry %2 failed: the answer is not a JSON list (%3). Is this instance&apos;s flavor right?</translation>
    </message>
</context>
<context>
    <name>crsync::InstanceDialog</name>
    <message>
        <source>Edit instance %1</source>
        <translation>Edit instance %1</translation>
    </message>
    <message>
        <source>Add instance</source>
        <translation>Add instance</translation>
    </message>
    <message>
        <source>e.g. gz-prod</source>
        <translation>e.g. gz-prod</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Generic (OCI distribution)</source>
        <translation>Generic (OCI distribution)</translation>
    </message>
    <message>
        <source>TCR (Tencent Container Registry)</source>
        <translation>TCR (Tencent Container Registry)</translation>
    </message>
    <message>
        <source>&amp;Flavor:</source>
        <translation>&amp;Flavor:</translation>
    </message>
    <message>
        <source>instances sharing it are the same account</source>
        <translation>instances sharing it are the same account</translation>
    </message>
    <message>
        <source>A&amp;ccount ID:</source>
        <translation>A&amp;ccount ID:</translation>
    </message>
    <message>
        <source>e.g. ap-guangzhou</source>
        <translation>e.g. ap-guangzhou</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>empty for anonymous access</source>
        <translation>empty for anonymous access</translation>
    </message>
    <message>
        <source>U&amp;sername:</source>
        <translation>U&amp;sername:</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain); type to replace</source>
        <translation>unchanged (stored in the keychain); type to replace</translation>
    </message>
    <message>
        <source>stored in the keychain, never shown again</source>
        <translation>stored in the keychain, never shown again</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>optional: the PEM certificate of a private CA</source>
        <translation>optional: the PEM certificate of a private CA</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Browse for the CA file</source>
        <translation>Browse for the CA file</translation>
    </message>
    <message>
        <source>S&amp;kip TLS certificate verification</source>
        <translation>S&amp;kip TLS certificate verification</translation>
    </message>
    <message>
        <source>Anyone on the network path can impersonate this registry and read its password. Give the CA file instead when you can.</source>
        <translation>Anyone on the network path can impersonate this registry and read its password. Give the CA file instead when you can.</translation>
    </message>
    <message>
        <source>Allow plain &amp;HTTP (unencrypted)</source>
        <translation>Allow plain &amp;HTTP (unencrypted)</translation>
    </message>
    <message>
        <source>Plain HTTP sends the password and every image unencrypted. Use it only on a network you trust.</source>
        <translation>Plain HTTP sends the password and every image unencrypted. Use it only on a network you trust.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Discard the changes to this instance?</source>
        <translation>Discard the changes to this instance?</translation>
    </message>
    <message>
        <source>CA f&amp;ile:</source>
        <translation>CA f&amp;ile:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>For a registry that cannot send push events: while automatic sync runs, the enabled rules of this source look for new or changed tags this often (at least 10 s).</source>
        <translation>For a registry that cannot send push events: while automatic sync runs, the enabled rules of this source look for new or changed tags this often (at least 10 s).</translation>
    </message>
    <message>
        <source>P&amp;oll every:</source>
        <translation>P&amp;oll every:</translation>
    </message>
    <message>
        <source>Poll at least every 10 s, or turn polling off with 0.</source>
        <translation>Poll at least every 10 s, or turn polling off with 0.</translation>
    </message>
</context>
<context>
    <name>crsync::InstanceService</name>
    <message>
        <source>the password of instance &quot;%1&quot;</source>
        <translation>the password of instance &quot;%1&quot;</translation>
    </message>
    <message>
        <source>There is no instance named &quot;%1&quot; (&quot;crsync instance list&quot; or the Instances page shows the instances there are).</source>
        <translation>There is no instance named &quot;%1&quot; (&quot;crsync instance list&quot; or the Instances page shows the instances there are).</translation>
    </message>
    <message>
        <source>A password needs a username: whose password is it?</source>
        <translation>A password needs a username: whose password is it?</translation>
    </message>
    <message>
        <source>User %1 needs a password.</source>
        <translation>User %1 needs a password.</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; is used by rule(s) %2; delete those rules or point them at another instance first. Nothing was removed.</source>
        <translation>Instance &quot;%1&quot; is used by rule(s) %2; delete those rules or point them at another instance first. Nothing was removed.</translation>
    </message>
</context>
<context>
    <name>crsync::InstanceTableModel</name>
    <message>
        <source>None (plain HTTP)</source>
        <translation>None (plain HTTP)</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Verified (own CA)</source>
        <translation>Verified (own CA)</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonymous)</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>Not tested yet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Account ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Flavor</source>
        <translation>Flavor</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>Last test</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>Generic</translation>
    </message>
</context>
<context>
    <name>crsync::InstancesPage</name>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>&amp;Add instance…</source>
        <translation>&amp;Add instance…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Filter instances</source>
        <translation>Filter instances</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Connection test</translation>
    </message>
    <message>
        <source>Remove instance</source>
        <translation>Remove instance</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; is used by the rule(s) %2. Delete those rules or point them at another instance first; nothing was removed.</source>
        <translation>Instance &quot;%1&quot; is used by the rule(s) %2. Delete those rules or point them at another instance first; nothing was removed.</translation>
    </message>
    <message>
        <source>Remove instance &quot;%1&quot;?</source>
        <translation>Remove instance &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>Remove instance &quot;%1&quot;? Its password leaves the keychain.</source>
        <translation>Remove instance &quot;%1&quot;? Its password leaves the keychain.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;move…</translation>
    </message>
</context>
<context>
    <name>crsync::LogsPage</name>
    <message>
        <source>Sync logs</source>
        <translation>Sync logs</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Task ID, rule or message</source>
        <translation>Task ID, rule or message</translation>
    </message>
    <message>
        <source>Filter tasks</source>
        <translation>Filter tasks</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>R&amp;ule:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;When:</translation>
    </message>
    <message>
        <source>&amp;Cancel task…</source>
        <translation>&amp;Cancel task…</translation>
    </message>
    <message>
        <source>Stop the selected running tasks (Ctrl+K)</source>
        <translation>Stop the selected running tasks (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>&amp;Retry failed</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>Sync tasks</source>
        <translation>Sync tasks</translation>
    </message>
    <message>
        <source>&amp;Failures only</source>
        <translation>&amp;Failures only</translation>
    </message>
    <message>
        <source>Repository, tag, digest or error</source>
        <translation>Repository, tag, digest or error</translation>
    </message>
    <message>
        <source>Filter artifacts</source>
        <translation>Filter artifacts</translation>
    </message>
    <message>
        <source>Artifacts of the task</source>
        <translation>Artifacts of the task</translation>
    </message>
    <message>
        <source>Error of the selected artifact</source>
        <translation>Error of the selected artifact</translation>
    </message>
    <message>
        <source>The full error of the selected artifact shows here.</source>
        <translation>The full error of the selected artifact shows here.</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>All rules</translation>
    </message>
    <message>
        <source>No tasks match. A sync started from the Rules page, the command line or a schedule shows up here.</source>
        <translation>No tasks match. A sync started from the Rules page, the command line or a schedule shows up here.</translation>
    </message>
    <message>
        <source>Select a task to see its artifacts.</source>
        <translation>Select a task to see its artifacts.</translation>
    </message>
    <message>
        <source>Cancel tasks</source>
        <translation>Cancel tasks</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n running task(s) (%1)? What already arrived stays; syncing again completes the job.</source>
        <translation>
            <numerusform>Stop %n running task (%1)? What already arrived stays; syncing again completes the job.</numerusform>
            <numerusform>Stop %n running tasks (%1)? What already arrived stays; syncing again completes the job.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop them</source>
        <translation>Stop them</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Keep running</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n task(s); each ends Canceled in a moment.</source>
        <translation>
            <numerusform>Stopping %n task; it ends Canceled in a moment.</numerusform>
            <numerusform>Stopping %n tasks; each ends Canceled in a moment.</numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1 retries the failed artifacts of task %2.</source>
        <translation>Task %1 retries the failed artifacts of task %2.</translation>
    </message>
    <message>
        <source>Export the artifacts</source>
        <translation>Export the artifacts</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n artifact(s) written to %1.</source>
        <translation>
            <numerusform>%n artifact written to %1.</numerusform>
            <numerusform>%n artifacts written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Task %1 of rule %2, %3: %4 → %5. %6 of %n artifact(s) copied or up to date, %7 failed.</source>
        <translation>
            <numerusform>Task %1 of rule %2, %3: %4 → %5. %6 of %n artifact copied or up to date, %7 failed.</numerusform>
            <numerusform>Task %1 of rule %2, %3: %4 → %5. %6 of %n artifacts copied or up to date, %7 failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Task %1 of rule %2, %3: %4 → %5. Running: %6 of %n artifact(s) done so far, %7 failed.</source>
        <translation>
            <numerusform>Task %1 of rule %2, %3: %4 → %5. Running: %6 of %n artifact done so far, %7 failed.</numerusform>
            <numerusform>Task %1 of rule %2, %3: %4 → %5. Running: %6 of %n artifacts done so far, %7 failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::MainWindow</name>
    <message>
        <source>crsync — registry replication</source>
        <translation>crsync — registry replication</translation>
    </message>
    <message>
        <source>crsync</source>
        <translation>crsync</translation>
    </message>
    <message>
        <source>crsync cannot open its data in %1.

%2</source>
        <translation>crsync cannot open its data in %1.

%2</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Sync logs</source>
        <translation>Sync logs</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message numerus="yes">
        <source>%n password(s) moved to this data dir&apos;s keychain entries.</source>
        <translation>
            <numerusform>%n password moved to this data dir&apos;s keychain entries.</numerusform>
            <numerusform>%n passwords moved to this data dir&apos;s keychain entries.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>&amp;New rule…</translation>
    </message>
    <message>
        <source>&amp;Trigger sync</source>
        <translation>&amp;Trigger sync</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Configure…</translation>
    </message>
    <message>
        <source>C&amp;lone</source>
        <translation>C&amp;lone</translation>
    </message>
    <message>
        <source>View &amp;logs</source>
        <translation>View &amp;logs</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Rule</source>
        <translation>&amp;Rule</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About crsync</source>
        <translation>&amp;About crsync</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>&amp;New instance…</source>
        <translation>&amp;New instance…</translation>
    </message>
    <message>
        <source>About crsync</source>
        <translation>About crsync</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;crsync %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Replicates container images and Helm charts between registry instances.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;crsync %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Replicates container images and Helm charts between registry instances.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Syncs are running</source>
        <translation>Syncs are running</translation>
    </message>
    <message numerus="yes">
        <source>%n sync task(s) are still running. Quitting cancels them; what already arrived stays, and syncing again completes the job.</source>
        <translation>
            <numerusform>%n sync task is still running. Quitting cancels it; what already arrived stays, and syncing again completes the job.</numerusform>
            <numerusform>%n sync tasks are still running. Quitting cancels them; what already arrived stays, and syncing again completes the job.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel them and quit</source>
        <translation>Cancel them and quit</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Keep running</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Sync of %1 failed</source>
        <translation>Sync of %1 failed</translation>
    </message>
    <message>
        <source>Sync of %1 partly failed</source>
        <translation>Sync of %1 partly failed</translation>
    </message>
    <message numerus="yes">
        <source>Task %1: %n artifact(s) failed. Click to see them.</source>
        <translation>
            <numerusform>Task %1: %n artifact failed. Click to see it.</numerusform>
            <numerusform>Task %1: %n artifacts failed. Click to see them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic sync: off</source>
        <translation>Automatic sync: off</translation>
    </message>
    <message>
        <source>New pushes are not synced by themselves; turn it on in File → Settings, or run &quot;crsync daemon&quot;.</source>
        <translation>New pushes are not synced by themselves; turn it on in File → Settings, or run &quot;crsync daemon&quot;.</translation>
    </message>
    <message>
        <source>Automatic sync: starting…</source>
        <translation>Automatic sync: starting…</translation>
    </message>
    <message>
        <source>Automatic sync: not in this window</source>
        <translation>Automatic sync: not in this window</translation>
    </message>
    <message>
        <source>Automatic sync: on</source>
        <translation>Automatic sync: on</translation>
    </message>
    <message>
        <source>Registries post their pushes to %1 (File → Settings shows the secret and a configuration snippet).</source>
        <translation>Registries post their pushes to %1 (File → Settings shows the secret and a configuration snippet).</translation>
    </message>
    <message>
        <source>Show crsync</source>
        <translation>Show crsync</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>crsync keeps syncing</source>
        <translation>crsync keeps syncing</translation>
    </message>
    <message>
        <source>New pushes are still synced while the window is closed. Quit from this icon&apos;s menu.</source>
        <translation>New pushes are still synced while the window is closed. Quit from this icon&apos;s menu.</translation>
    </message>
    <message>
        <source>crsync — %1</source>
        <translation>crsync — %1</translation>
    </message>
    <message>
        <source>crsync — %1
%2</source>
        <translation>crsync — %1
%2</translation>
    </message>
</context>
<context>
    <name>crsync::Manifest</name>
    <message>
        <source>The manifest</source>
        <translation>The manifest</translation>
    </message>
    <message>
        <source>The manifest %1</source>
        <translation>The manifest %1</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2.</source>
        <translation>%1 cannot be used: %2.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object</source>
        <translation>%1 is not a JSON object</translation>
    </message>
    <message>
        <source>%1 has no valid digest (&quot;%2&quot;)</source>
        <translation>%1 has no valid digest (&quot;%2&quot;)</translation>
    </message>
    <message>
        <source>%1 has no valid size</source>
        <translation>%1 has no valid size</translation>
    </message>
    <message>
        <source>it is not JSON (%1 at offset %2)</source>
        <translation>it is not JSON (%1 at offset %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>it is not a JSON object</translation>
    </message>
    <message>
        <source>Docker schema 1 manifests are not supported</source>
        <translation>Docker schema 1 manifests are not supported</translation>
    </message>
    <message>
        <source>its schemaVersion is not 2</source>
        <translation>its schemaVersion is not 2</translation>
    </message>
    <message>
        <source>the index has no &quot;manifests&quot; list</source>
        <translation>the index has no &quot;manifests&quot; list</translation>
    </message>
    <message>
        <source>entry %1 of &quot;manifests&quot;</source>
        <translation>entry %1 of &quot;manifests&quot;</translation>
    </message>
    <message>
        <source>the config</source>
        <translation>the config</translation>
    </message>
    <message>
        <source>it has no &quot;layers&quot; list</source>
        <translation>it has no &quot;layers&quot; list</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>layer %1</translation>
    </message>
</context>
<context>
    <name>crsync::MessageBar</name>
    <message>
        <source>Close the message</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>crsync::MonolithicUploadJob</name>
    <message>
        <source>The registry %1 started an upload to %2 without saying where to send it (no Location header).</source>
        <translation>The registry %1 started an upload to %2 without saying where to send it (no Location header).</translation>
    </message>
</context>
<context>
    <name>crsync::Names</name>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>InProgress</source>
        <translation>InProgress</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>PartiallySucceeded</source>
        <translation>PartiallySucceeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>event</source>
        <translation>event</translation>
    </message>
    <message>
        <source>poll</source>
        <translation>poll</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>schedule</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>copied</translation>
    </message>
    <message>
        <source>up-to-date</source>
        <translation>up-to-date</translation>
    </message>
    <message>
        <source>exists-not-overwritten</source>
        <translation>exists-not-overwritten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>canceled</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>chart</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message numerus="yes">
        <source>%1 + %n signature(s)/SBOM(s)</source>
        <translation>
            <numerusform>%1 + %n signature/SBOM</numerusform>
            <numerusform>%1 + %n signatures/SBOMs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::NamespaceListing</name>
    <message>
        <source>the password of instance &quot;%1&quot;</source>
        <translation>the password of instance &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>crsync::PagedListJob</name>
    <message>
        <source>%1 on the registry %2 failed: the answer is not a JSON object (%3).</source>
        <translation>%1 on the registry %2 failed: the answer is not a JSON object (%3).</translation>
    </message>
    <message>
        <source>%1 on the registry %2 failed: &quot;%3&quot; is not a list.</source>
        <translation>%1 on the registry %2 failed: &quot;%3&quot; is not a list.</translation>
    </message>
</context>
<context>
    <name>crsync::PollWatcher</name>
    <message>
        <source>poll of rule %1: %2</source>
        <translation>poll of rule %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>poll of rule %1: %n change(s) queued</source>
        <translation>
            <numerusform>poll of rule %1: %n change queued</numerusform>
            <numerusform>poll of rule %1: %n changes queued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::PreviewModel</name>
    <message>
        <source>Repository / tag</source>
        <translation>Repository / tag</translation>
    </message>
    <message>
        <source>A sync would</source>
        <translation>A sync would</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copy</translation>
    </message>
    <message>
        <source>skip: up to date</source>
        <translation>skip: up to date</translation>
    </message>
    <message>
        <source>skip: exists, no overwrite</source>
        <translation>skip: exists, no overwrite</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>deciding…</source>
        <translation>deciding…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n tag(s))</source>
        <translation>
            <numerusform>%1 (%n tag)</numerusform>
            <numerusform>%1 (%n tags)</numerusform>
        </translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
</context>
<context>
    <name>crsync::PreviewPanel</name>
    <message>
        <source>Preview: what the filters match on the source now</source>
        <translation>Preview: what the filters match on the source now</translation>
    </message>
    <message>
        <source>Preview progress</source>
        <translation>Preview progress</translation>
    </message>
    <message>
        <source>Matching repositories and tags</source>
        <translation>Matching repositories and tags</translation>
    </message>
    <message>
        <source>Looking again in a moment…</source>
        <translation>Looking again in a moment…</translation>
    </message>
    <message>
        <source>Listing the source&apos;s repositories…</source>
        <translation>Listing the source&apos;s repositories…</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s) match the repository filter; reading their tags…</source>
        <translation>
            <numerusform>%n repository matches the repository filter; reading its tags…</numerusform>
            <numerusform>%n repositories match the repository filter; reading their tags…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with %2 that match.</source>
        <translation>%1 with %2 that match.</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of %m decided</source>
        <translation>%v of %m decided</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>The preview failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n to copy</source>
        <translation>
            <numerusform>%n to copy</numerusform>
            <numerusform>%n to copy</numerusform>
        </translation>
    </message>
    <message>
        <source>(at most %1)</source>
        <translation>(at most %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n up to date</source>
        <translation>
            <numerusform>%n up to date</numerusform>
            <numerusform>%n up to date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing and not overwritten</source>
        <translation>
            <numerusform>%n existing and not overwritten</numerusform>
            <numerusform>%n existing and not overwritten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be decided (see the list)</source>
        <translation>
            <numerusform>%n could not be decided (see the list)</numerusform>
            <numerusform>%n could not be decided (see the list)</numerusform>
        </translation>
    </message>
    <message>
        <source>A sync now would: %1.</source>
        <translation>A sync now would: %1.</translation>
    </message>
    <message>
        <source>Nothing matches: the namespace has no repository with a tag that passes the filters and the resource type.</source>
        <translation>Nothing matches: the namespace has no repository with a tag that passes the filters and the resource type.</translation>
    </message>
</context>
<context>
    <name>crsync::RegistryClient</name>
    <message>
        <source>The operation on the registry %1 was canceled.</source>
        <translation>The operation on the registry %1 was canceled.</translation>
    </message>
    <message>
        <source>The CA file %1 given for the registry %2 cannot be read or holds no PEM certificate.</source>
        <translation>The CA file %1 given for the registry %2 cannot be read or holds no PEM certificate.</translation>
    </message>
    <message>
        <source>Checking the registry API</source>
        <translation>Checking the registry API</translation>
    </message>
    <message>
        <source>Listing the repositories</source>
        <translation>Listing the repositories</translation>
    </message>
    <message>
        <source>Listing the tags of the repository %1</source>
        <translation>Listing the tags of the repository %1</translation>
    </message>
    <message>
        <source>Reading the manifest %1</source>
        <translation>Reading the manifest %1</translation>
    </message>
    <message>
        <source>The manifest %1 on the registry %2 is not a JSON document (%3); crsync cannot copy it.</source>
        <translation>The manifest %1 on the registry %2 is not a JSON document (%3); crsync cannot copy it.</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>not an object</translation>
    </message>
    <message>
        <source>The manifest %1 read from the registry %2 does not match its digest: expected %3, got %4.</source>
        <translation>The manifest %1 read from the registry %2 does not match its digest: expected %3, got %4.</translation>
    </message>
    <message>
        <source>Looking up the manifest %1</source>
        <translation>Looking up the manifest %1</translation>
    </message>
    <message>
        <source>The manifest for %1 does not match its digest (%2, its bytes hash to %3); it was not pushed to the registry %4.</source>
        <translation>The manifest for %1 does not match its digest (%2, its bytes hash to %3); it was not pushed to the registry %4.</translation>
    </message>
    <message>
        <source>Pushing the manifest %1</source>
        <translation>Pushing the manifest %1</translation>
    </message>
    <message>
        <source>The registry %1 stored the manifest %2 under the digest %3 instead of %4.</source>
        <translation>The registry %1 stored the manifest %2 under the digest %3 instead of %4.</translation>
    </message>
    <message>
        <source>Looking up the blob %1 in %2</source>
        <translation>Looking up the blob %1 in %2</translation>
    </message>
    <message>
        <source>Reading the blob %1 from %2</source>
        <translation>Reading the blob %1 from %2</translation>
    </message>
    <message>
        <source>The blob read from the repository %1 on the registry %2 does not match its digest: expected %3, got %4.</source>
        <translation>The blob read from the repository %1 on the registry %2 does not match its digest: expected %3, got %4.</translation>
    </message>
    <message>
        <source>The blob for the repository %1 on the registry %2 does not match its digest (expected %3, got %4); nothing was uploaded.</source>
        <translation>The blob for the repository %1 on the registry %2 does not match its digest (expected %3, got %4); nothing was uploaded.</translation>
    </message>
    <message>
        <source>Starting a blob upload to %1</source>
        <translation>Starting a blob upload to %1</translation>
    </message>
    <message>
        <source>Asking how far the blob upload to %1 got</source>
        <translation>Asking how far the blob upload to %1 got</translation>
    </message>
    <message>
        <source>Uploading bytes %1-%2 of a blob to %3</source>
        <translation>Uploading bytes %1-%2 of a blob to %3</translation>
    </message>
    <message>
        <source>Committing the blob %1 in %2</source>
        <translation>Committing the blob %1 in %2</translation>
    </message>
    <message>
        <source>Canceling a blob upload to %1</source>
        <translation>Canceling a blob upload to %1</translation>
    </message>
    <message>
        <source>Listing what refers to %1</source>
        <translation>Listing what refers to %1</translation>
    </message>
    <message>
        <source>The registry %1 answered the referrers of %2 with something other than an OCI index: %3</source>
        <translation>The registry %1 answered the referrers of %2 with something other than an OCI index: %3</translation>
    </message>
</context>
<context>
    <name>crsync::RegistryHealth</name>
    <message>
        <source>The task stopped trying: a registry stopped answering (%1 artifacts in a row failed without an answer, each after its retries). The last error: %2</source>
        <translation>The task stopped trying: a registry stopped answering (%1 artifacts in a row failed without an answer, each after its retries). The last error: %2</translation>
    </message>
    <message>
        <source>The task stopped trying: a registry refused the credentials for %1 artifacts in a row. The last error: %2</source>
        <translation>The task stopped trying: a registry refused the credentials for %1 artifacts in a row. The last error: %2</translation>
    </message>
    <message>
        <source>A registry did not answer for any artifact of the task. The last error: %1</source>
        <translation>A registry did not answer for any artifact of the task. The last error: %1</translation>
    </message>
    <message>
        <source>A registry refused the credentials for every artifact of the task. The last error: %1</source>
        <translation>A registry refused the credentials for every artifact of the task. The last error: %1</translation>
    </message>
</context>
<context>
    <name>crsync::RegistryRequest</name>
    <message>
        <source>the registry client is gone</source>
        <translation>the registry client is gone</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>the answer is larger than %1 bytes</translation>
    </message>
    <message>
        <source>%1 on the registry %2 failed: %3</source>
        <translation>%1 on the registry %2 failed: %3</translation>
    </message>
    <message>
        <source>the TLS certificate of %1 did not verify (%2). If the registry uses a private certificate authority, give its certificate with the CA file option (--ca-file)</source>
        <translation>the TLS certificate of %1 did not verify (%2). If the registry uses a private certificate authority, give its certificate with the CA file option (--ca-file)</translation>
    </message>
    <message>
        <source>could not connect to %1 (connection refused). Check the URL and that the registry is running</source>
        <translation>could not connect to %1 (connection refused). Check the URL and that the registry is running</translation>
    </message>
    <message>
        <source>the host %1 was not found. Check the URL</source>
        <translation>the host %1 was not found. Check the URL</translation>
    </message>
    <message>
        <source>no data moved for %1 seconds (after %2 attempts)</source>
        <translation>no data moved for %1 seconds (after %2 attempts)</translation>
    </message>
    <message>
        <source>%1 closed the connection (after %2 attempts)</source>
        <translation>%1 closed the connection (after %2 attempts)</translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation>network error talking to %1: %2</translation>
    </message>
    <message>
        <source>the registry requires a login. Set a username and password for it</source>
        <translation>the registry requires a login. Set a username and password for it</translation>
    </message>
    <message>
        <source>the registry refused the credentials for user %1. Check the username and password</source>
        <translation>the registry refused the credentials for user %1. Check the username and password</translation>
    </message>
    <message>
        <source>access denied for anonymous users</source>
        <translation>access denied for anonymous users</translation>
    </message>
    <message>
        <source>access denied for user %1</source>
        <translation>access denied for user %1</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>conflict (HTTP 409)</source>
        <translation>conflict (HTTP 409)</translation>
    </message>
    <message>
        <source>the registry answered HTTP %1 (gave up after %2 attempts)</source>
        <translation>the registry answered HTTP %1 (gave up after %2 attempts)</translation>
    </message>
    <message>
        <source>the registry answered HTTP %1</source>
        <translation>the registry answered HTTP %1</translation>
    </message>
</context>
<context>
    <name>crsync::RuleDialog</name>
    <message>
        <source>Configure rule %1</source>
        <translation>Configure rule %1</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>New rule</translation>
    </message>
    <message>
        <source>lowercase letters, digits and - . _, e.g. prod-to-dr</source>
        <translation>lowercase letters, digits and - . _, e.g. prod-to-dr</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>optional; any language</source>
        <translation>optional; any language</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Sync source</source>
        <translation>Sync source</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The source instance chosen on the Rules page.</source>
        <translation>The source instance chosen on the Rules page.</translation>
    </message>
    <message>
        <source>Source instance:</source>
        <translation>Source instance:</translation>
    </message>
    <message>
        <source>e.g. team/apps</source>
        <translation>e.g. team/apps</translation>
    </message>
    <message>
        <source>Na&amp;mespace:</source>
        <translation>Na&amp;mespace:</translation>
    </message>
    <message>
        <source>regular expression; empty = every repository</source>
        <translation>regular expression; empty = every repository</translation>
    </message>
    <message>
        <source>&amp;Repositories:</source>
        <translation>&amp;Repositories:</translation>
    </message>
    <message>
        <source>regular expression; empty = every tag</source>
        <translation>regular expression; empty = every tag</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>Resource t&amp;ype:</source>
        <translation>Resource t&amp;ype:</translation>
    </message>
    <message>
        <source>&amp;Overwrite artifacts that exist on the target with the same tag</source>
        <translation>&amp;Overwrite artifacts that exist on the target with the same tag</translation>
    </message>
    <message>
        <source>Recommended: leave this off, so a tag the target already has is never replaced and its history is not lost.</source>
        <translation>Recommended: leave this off, so a tag the target already has is never replaced and its history is not lost.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Choose a namespace and a target to see what a sync would take.</source>
        <translation>Choose a namespace and a target to see what a sync would take.</translation>
    </message>
    <message>
        <source>Choose a namespace to see what a sync would take.</source>
        <translation>Choose a namespace to see what a sync would take.</translation>
    </message>
    <message>
        <source>The preview starts when the form is complete: %1</source>
        <translation>The preview starts when the form is complete: %1</translation>
    </message>
    <message>
        <source>Listing the namespaces of %1…</source>
        <translation>Listing the namespaces of %1…</translation>
    </message>
    <message>
        <source>The namespaces could not be listed (%1); type the namespace.</source>
        <translation>The namespaces could not be listed (%1); type the namespace.</translation>
    </message>
    <message>
        <source>%1 lists no repositories yet; type the namespace.</source>
        <translation>%1 lists no repositories yet; type the namespace.</translation>
    </message>
    <message numerus="yes">
        <source>%n namespace(s) on %1; pick one or type it.</source>
        <translation>
            <numerusform>%n namespace on %1; pick it or type one.</numerusform>
            <numerusform>%n namespaces on %1; pick one or type it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the changes to this rule?</source>
        <translation>Discard the changes to this rule?</translation>
    </message>
    <message>
        <source>Filters match the whole name: v1\..* matches v1.0 and v1.2.3, not v10. Repositories are matched by their path below the namespace.</source>
        <translation>Filters match the whole name: v1\..* matches v1.0 and v1.2.3, not v10. Repositories are matched by their path below the namespace.</translation>
    </message>
    <message>
        <source>e.g. every 30m, every 6h, daily 02:00; empty = no schedule</source>
        <translation>e.g. every 30m, every 6h, daily 02:00; empty = no schedule</translation>
    </message>
    <message>
        <source>Sc&amp;hedule:</source>
        <translation>Sc&amp;hedule:</translation>
    </message>
    <message>
        <source>%1; the next run at %2, while automatic sync runs.</source>
        <translation>%1; the next run at %2, while automatic sync runs.</translation>
    </message>
    <message>
        <source>Runs when synced by hand, by a push event or by a poll.</source>
        <translation>Runs when synced by hand, by a push event or by a poll.</translation>
    </message>
    <message>
        <source>Copy &amp;signatures, attestations and SBOMs with each artifact</source>
        <translation>Copy &amp;signatures, attestations and SBOMs with each artifact</translation>
    </message>
    <message>
        <source>They are copied after the artifact they describe, with the same digests, found through the registry&apos;s referrers API or cosign&apos;s tag scheme (sha256-….sig, .att, .sbom). Off: such tags are artifacts of their own, synced only with resource type All.</source>
        <translation>They are copied after the artifact they describe, with the same digests, found through the registry&apos;s referrers API or cosign&apos;s tag scheme (sha256-….sig, .att, .sbom). Off: such tags are artifacts of their own, synced only with resource type All.</translation>
    </message>
</context>
<context>
    <name>crsync::RuleService</name>
    <message>
        <source>the password of user %1 at %2</source>
        <translation>the password of user %1 at %2</translation>
    </message>
    <message>
        <source>There is no rule named &quot;%1&quot; (&quot;crsync rule list&quot; or the Rules page shows the rules there are).</source>
        <translation>There is no rule named &quot;%1&quot; (&quot;crsync rule list&quot; or the Rules page shows the rules there are).</translation>
    </message>
    <message>
        <source>The credentials no rule uses any more (%1) could not be removed from the keychain: %2</source>
        <translation>The credentials no rule uses any more (%1) could not be removed from the keychain: %2</translation>
    </message>
</context>
<context>
    <name>crsync::RuleTableModel</name>
    <message>
        <source>%1 (cross-account)</source>
        <translation>%1 (cross-account)</translation>
    </message>
    <message>
        <source>(missing instance)</source>
        <translation>(missing instance)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>everything</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>repositories %1, tags %2</source>
        <translation>repositories %1, tags %2</translation>
    </message>
    <message>
        <source>Syncing %1/%2</source>
        <translation>Syncing %1/%2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>No runs yet</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Last %n run(s): %1</source>
        <translation>
            <numerusform>Last run: %1</numerusform>
            <numerusform>Last %n runs: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Last run</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Recent runs</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>Synced by</source>
        <translation>Synced by</translation>
    </message>
</context>
<context>
    <name>crsync::RuleTargetSection</name>
    <message>
        <source>Sync target</source>
        <translation>Sync target</translation>
    </message>
    <message>
        <source>&amp;Cross-account: the target belongs to another account</source>
        <translation>&amp;Cross-account: the target belongs to another account</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Target &amp;URL:</source>
        <translation>Target &amp;URL:</translation>
    </message>
    <message>
        <source>the instance ID the target&apos;s owner gave you</source>
        <translation>the instance ID the target&apos;s owner gave you</translation>
    </message>
    <message>
        <source>Target instance &amp;ID:</source>
        <translation>Target instance &amp;ID:</translation>
    </message>
    <message>
        <source>empty = the source namespace&apos;s name; created when missing</source>
        <translation>empty = the source namespace&apos;s name; created when missing</translation>
    </message>
    <message>
        <source>Target names&amp;pace:</source>
        <translation>Target names&amp;pace:</translation>
    </message>
    <message>
        <source>a user account, not a service account</source>
        <translation>a user account, not a service account</translation>
    </message>
    <message>
        <source>Us&amp;ername:</source>
        <translation>Us&amp;ername:</translation>
    </message>
    <message>
        <source>Use a long-lived credential: the rule stops working when it expires. Stored in the keychain on OK.</source>
        <translation>Use a long-lived credential: the rule stops working when it expires. Stored in the keychain on OK.</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Generic (OCI distribution)</source>
        <translation>Generic (OCI distribution)</translation>
    </message>
    <message>
        <source>TCR (Tencent Container Registry)</source>
        <translation>TCR (Tencent Container Registry)</translation>
    </message>
    <message>
        <source>&amp;Flavor:</source>
        <translation>&amp;Flavor:</translation>
    </message>
    <message>
        <source>optional: the PEM certificate of a private CA</source>
        <translation>optional: the PEM certificate of a private CA</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Browse for the target&apos;s CA file</source>
        <translation>Browse for the target&apos;s CA file</translation>
    </message>
    <message>
        <source>CA fi&amp;le:</source>
        <translation>CA fi&amp;le:</translation>
    </message>
    <message>
        <source>S&amp;kip TLS certificate verification</source>
        <translation>S&amp;kip TLS certificate verification</translation>
    </message>
    <message>
        <source>Anyone on the network path can impersonate the target and read its password. Give the CA file instead when you can.</source>
        <translation>Anyone on the network path can impersonate the target and read its password. Give the CA file instead when you can.</translation>
    </message>
    <message>
        <source>Plain HTTP sends the password and every image unencrypted. Use it only on a network you trust.</source>
        <translation>Plain HTTP sends the password and every image unencrypted. Use it only on a network you trust.</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain); type to replace</source>
        <translation>unchanged (stored in the keychain); type to replace</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Tar&amp;get instance:</source>
        <translation>Tar&amp;get instance:</translation>
    </message>
    <message>
        <source>&amp;Allow plain HTTP (unencrypted)</source>
        <translation>&amp;Allow plain HTTP (unencrypted)</translation>
    </message>
</context>
<context>
    <name>crsync::RulesPage</name>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>New rule</translation>
    </message>
    <message>
        <source>Filter rules</source>
        <translation>Filter rules</translation>
    </message>
    <message>
        <source>&amp;Trigger sync</source>
        <translation>&amp;Trigger sync</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>&amp;Configure…</translation>
    </message>
    <message>
        <source>View &amp;logs</source>
        <translation>View &amp;logs</translation>
    </message>
    <message>
        <source>Cl&amp;one</source>
        <translation>Cl&amp;one</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Go to &amp;Instances</source>
        <translation>Go to &amp;Instances</translation>
    </message>
    <message>
        <source>Trigger sync</source>
        <translation>Trigger sync</translation>
    </message>
    <message>
        <source>Configure…</source>
        <translation>Configure…</translation>
    </message>
    <message>
        <source>View logs</source>
        <translation>View logs</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>Clone</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>crsync knows no registry yet. Add the source and target instances first, then create a rule here.</source>
        <translation>crsync knows no registry yet. Add the source and target instances first, then create a rule here.</translation>
    </message>
    <message>
        <source>%1 has no rules yet. New creates one.</source>
        <translation>%1 has no rules yet. New creates one.</translation>
    </message>
    <message>
        <source>The rule is disabled: enable it to sync it.</source>
        <translation>The rule is disabled: enable it to sync it.</translation>
    </message>
    <message>
        <source>The rule is syncing now.</source>
        <translation>The rule is syncing now.</translation>
    </message>
    <message>
        <source>Rule %1 is enabled.</source>
        <translation>Rule %1 is enabled.</translation>
    </message>
    <message>
        <source>Rule %1 is disabled: it gets no events and cannot be synced until it is enabled again.</source>
        <translation>Rule %1 is disabled: it gets no events and cannot be synced until it is enabled again.</translation>
    </message>
    <message>
        <source>Rule %1 is disabled; enable it before syncing it.</source>
        <translation>Rule %1 is disabled; enable it before syncing it.</translation>
    </message>
    <message>
        <source>Rule %1 is already syncing (task %2); nothing new was started.</source>
        <translation>Rule %1 is already syncing (task %2); nothing new was started.</translation>
    </message>
    <message numerus="yes">
        <source>%n other sync(s) are running. A manual sync scans every repository of the namespace that the rule matches, which takes time and puts load on the registries while it runs; avoid triggering several rules at once. Start rule %1 anyway?</source>
        <translation>
            <numerusform>%n other sync is running. A manual sync scans every repository of the namespace that the rule matches, which takes time and puts load on the registries while it runs; avoid triggering several rules at once. Start rule %1 anyway?</numerusform>
            <numerusform>%n other syncs are running. A manual sync scans every repository of the namespace that the rule matches, which takes time and puts load on the registries while it runs; avoid triggering several rules at once. Start rule %1 anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>Start sync</source>
        <translation>Start sync</translation>
    </message>
    <message>
        <source>Task %1 of rule %2 started; the status bar follows it.</source>
        <translation>Task %1 of rule %2 started; the status bar follows it.</translation>
    </message>
    <message>
        <source>Rule %1 saved.</source>
        <translation>Rule %1 saved.</translation>
    </message>
    <message>
        <source>Rule %1 created.</source>
        <translation>Rule %1 created.</translation>
    </message>
    <message>
        <source>The new credentials replace the old ones for rule(s) %1 too.</source>
        <translation>The new credentials replace the old ones for rule(s) %1 too.</translation>
    </message>
    <message>
        <source>Rule %1 created as a copy; it stays disabled until you enable it.</source>
        <translation>Rule %1 created as a copy; it stays disabled until you enable it.</translation>
    </message>
    <message>
        <source>Delete rule %1?</source>
        <translation>Delete rule %1?</translation>
    </message>
    <message numerus="yes">
        <source>Its %n sync log entries stay.</source>
        <translation>
            <numerusform>Its %n sync log entry stays.</numerusform>
            <numerusform>Its %n sync log entries stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password of %1 at %2 leaves the keychain.</source>
        <translation>The password of %1 at %2 leaves the keychain.</translation>
    </message>
    <message>
        <source>The password of %1 at %2 stays in the keychain for rule(s) %3.</source>
        <translation>The password of %1 at %2 stays in the keychain for rule(s) %3.</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Delete rule</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message numerus="yes">
        <source>Rule %1 deleted; its %n sync log entries stay.</source>
        <translation>
            <numerusform>Rule %1 deleted; its %n sync log entry stays.</numerusform>
            <numerusform>Rule %1 deleted; its %n sync log entries stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its cross-account password left the keychain.</source>
        <translation>Its cross-account password left the keychain.</translation>
    </message>
    <message>
        <source>Source &amp;instance:</source>
        <translation>Source &amp;instance:</translation>
    </message>
    <message>
        <source>push events</source>
        <translation>push events</translation>
    </message>
    <message>
        <source>poll every %1 s</source>
        <translation>poll every %1 s</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
</context>
<context>
    <name>crsync::RunChart</name>
    <message>
        <source>Recent runs</source>
        <translation>Recent runs</translation>
    </message>
    <message>
        <source>Recent runs of %1</source>
        <translation>Recent runs of %1</translation>
    </message>
    <message>
        <source>%1 has not run yet.</source>
        <translation>%1 has not run yet.</translation>
    </message>
    <message numerus="yes">
        <source>The last %n run(s) of %1: %2 with failures; the newest took %3 (median %4).</source>
        <translation>
            <numerusform>The last run of %1: %2 with failures; it took %3 (median %4).</numerusform>
            <numerusform>The last %n runs of %1: %2 with failures; the newest took %3 (median %4).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::RunningTasks</name>
    <message>
        <source>%1 %2/%3 artifacts, %4, %5</source>
        <translation>%1 %2/%3 artifacts, %4, %5</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) running: %1</source>
        <translation>
            <numerusform>%n task running: %1</numerusform>
            <numerusform>%n tasks running: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::Schedule</name>
    <message>
        <source>&quot;%1&quot; is not a schedule: write &quot;every 30m&quot;, &quot;every 2h&quot; (5 minutes to 7 days) or &quot;daily 02:00&quot;.</source>
        <translation>&quot;%1&quot; is not a schedule: write &quot;every 30m&quot;, &quot;every 2h&quot; (5 minutes to 7 days) or &quot;daily 02:00&quot;.</translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>daily at %1</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>every %n hour</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::Scheduler</name>
    <message>
        <source>scheduled run of rule %1 skipped: task %2 of it is still running</source>
        <translation>scheduled run of rule %1 skipped: task %2 of it is still running</translation>
    </message>
    <message>
        <source>scheduled run of rule %1 not started: %2</source>
        <translation>scheduled run of rule %1 not started: %2</translation>
    </message>
    <message>
        <source>scheduled run of rule %1 (%2): task %3</source>
        <translation>scheduled run of rule %1 (%2): task %3</translation>
    </message>
</context>
<context>
    <name>crsync::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>A new language applies when crsync starts again.</source>
        <translation>A new language applies when crsync starts again.</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Data directory:</translation>
    </message>
    <message>
        <source>Secret Service, service &quot;%1&quot;</source>
        <translation>Secret Service, service &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Passwords kept in:</source>
        <translation>Passwords kept in:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copy %1</translation>
    </message>
    <message>
        <source>Automatic sync</source>
        <translation>Automatic sync</translation>
    </message>
    <message>
        <source>&amp;Sync new pushes by themselves while crsync runs</source>
        <translation>&amp;Sync new pushes by themselves while crsync runs</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>Listen &amp;on:</translation>
    </message>
    <message>
        <source>the webhook URL</source>
        <translation>the webhook URL</translation>
    </message>
    <message>
        <source>Webhook &amp;URL:</source>
        <translation>Webhook &amp;URL:</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>reading the keychain…</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <source>Show the webhook secret</source>
        <translation>Show the webhook secret</translation>
    </message>
    <message>
        <source>&amp;New secret…</source>
        <translation>&amp;New secret…</translation>
    </message>
    <message>
        <source>the webhook secret</source>
        <translation>the webhook secret</translation>
    </message>
    <message>
        <source>Se&amp;cret:</source>
        <translation>Se&amp;cret:</translation>
    </message>
    <message>
        <source>docker-registry (config.yml):</source>
        <translation>docker-registry (config.yml):</translation>
    </message>
    <message>
        <source>the docker-registry configuration</source>
        <translation>the docker-registry configuration</translation>
    </message>
    <message>
        <source>Harbor:</source>
        <translation>Harbor:</translation>
    </message>
    <message>
        <source>PASTE-THE-SECRET</source>
        <translation>PASTE-THE-SECRET</translation>
    </message>
    <message>
        <source>New webhook secret</source>
        <translation>New webhook secret</translation>
    </message>
    <message>
        <source>Registries that send the current secret are refused from now on, until their configuration has the new one. Make a new secret?</source>
        <translation>Registries that send the current secret are refused from now on, until their configuration has the new one. Make a new secret?</translation>
    </message>
    <message>
        <source>Make a new secret</source>
        <translation>Make a new secret</translation>
    </message>
    <message>
        <source>Project → Webhooks → New webhook: notify type http, event &quot;Artifact pushed&quot;, endpoint URL the webhook URL, auth header &quot;Bearer&quot; and the secret.</source>
        <translation>Project → Webhooks → New webhook: notify type http, event &quot;Artifact pushed&quot;, endpoint URL the webhook URL, auth header &quot;Bearer&quot; and the secret.</translation>
    </message>
</context>
<context>
    <name>crsync::Store</name>
    <message>
        <source>%1 is not a crsync database: it is not an SQLite file, or it is damaged. It was left untouched; move it away, or choose another data directory with --data-dir.</source>
        <translation>%1 is not a crsync database: it is not an SQLite file, or it is damaged. It was left untouched; move it away, or choose another data directory with --data-dir.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2. Check that its directory exists and is writable.</source>
        <translation>Cannot open the database %1: %2. Check that its directory exists and is writable.</translation>
    </message>
    <message>
        <source>Setting up the database connection</source>
        <translation>Setting up the database connection</translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2. Check its permissions.</source>
        <translation>Cannot read the database %1: %2. Check its permissions.</translation>
    </message>
    <message>
        <source>%1 was written by a newer crsync (schema version %2; this crsync knows up to %3). It was left untouched: use the newer crsync, or choose another data directory with --data-dir.</source>
        <translation>%1 was written by a newer crsync (schema version %2; this crsync knows up to %3). It was left untouched: use the newer crsync, or choose another data directory with --data-dir.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program (it has tables but no crsync schema version). It was left untouched; choose another data directory with --data-dir.</source>
        <translation>%1 is an SQLite database of another program (it has tables but no crsync schema version). It was left untouched; choose another data directory with --data-dir.</translation>
    </message>
    <message>
        <source>Switching the database to WAL mode</source>
        <translation>Switching the database to WAL mode</translation>
    </message>
    <message>
        <source>Reading the schema version</source>
        <translation>Reading the schema version</translation>
    </message>
    <message>
        <source>Upgrading the database to schema version %1</source>
        <translation>Upgrading the database to schema version %1</translation>
    </message>
    <message>
        <source>Recording the schema version</source>
        <translation>Recording the schema version</translation>
    </message>
    <message>
        <source>Starting a database transaction</source>
        <translation>Starting a database transaction</translation>
    </message>
    <message>
        <source>Saving to the database</source>
        <translation>Saving to the database</translation>
    </message>
    <message>
        <source>The data directory %1 is a file, not a directory; choose another one with --data-dir.</source>
        <translation>The data directory %1 is a file, not a directory; choose another one with --data-dir.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1; check the permissions of its parent or choose another one with --data-dir.</source>
        <translation>Cannot create the data directory %1; check the permissions of its parent or choose another one with --data-dir.</translation>
    </message>
    <message>
        <source>An instance named &quot;%1&quot; already exists; choose another name.</source>
        <translation>An instance named &quot;%1&quot; already exists; choose another name.</translation>
    </message>
    <message>
        <source>There is no instance %1.</source>
        <translation>There is no instance %1.</translation>
    </message>
    <message>
        <source>with id %1</source>
        <translation>with id %1</translation>
    </message>
    <message>
        <source>Saving instance &quot;%1&quot;</source>
        <translation>Saving instance &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The instance &quot;%1&quot; is still used by the rule(s) %2. Change or delete those rules first.</source>
        <translation>The instance &quot;%1&quot; is still used by the rule(s) %2. Change or delete those rules first.</translation>
    </message>
    <message>
        <source>Deleting instance &quot;%1&quot;</source>
        <translation>Deleting instance &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Reading an instance</source>
        <translation>Reading an instance</translation>
    </message>
    <message>
        <source>Listing instances</source>
        <translation>Listing instances</translation>
    </message>
    <message>
        <source>Listing the rules of an instance</source>
        <translation>Listing the rules of an instance</translation>
    </message>
    <message>
        <source>A rule named &quot;%1&quot; already exists; choose another name.</source>
        <translation>A rule named &quot;%1&quot; already exists; choose another name.</translation>
    </message>
    <message>
        <source>There is no rule %1.</source>
        <translation>There is no rule %1.</translation>
    </message>
    <message>
        <source>Saving rule &quot;%1&quot;</source>
        <translation>Saving rule &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The source instance (id %1) does not exist; choose another.</source>
        <translation>The source instance (id %1) does not exist; choose another.</translation>
    </message>
    <message>
        <source>The target instance (id %1) does not exist; choose another.</source>
        <translation>The target instance (id %1) does not exist; choose another.</translation>
    </message>
    <message>
        <source>Deleting a rule</source>
        <translation>Deleting a rule</translation>
    </message>
    <message>
        <source>Enabling or disabling a rule</source>
        <translation>Enabling or disabling a rule</translation>
    </message>
    <message>
        <source>Reading rules</source>
        <translation>Reading rules</translation>
    </message>
    <message>
        <source>There is no task %1.</source>
        <translation>There is no task %1.</translation>
    </message>
    <message>
        <source>Reading the sync log</source>
        <translation>Reading the sync log</translation>
    </message>
    <message>
        <source>Recording a task of rule &quot;%1&quot;</source>
        <translation>Recording a task of rule &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is already syncing (task %2, %3); nothing new was started.</source>
        <translation>Rule &quot;%1&quot; is already syncing (task %2, %3); nothing new was started.</translation>
    </message>
    <message>
        <source>Updating a task in the sync log</source>
        <translation>Updating a task in the sync log</translation>
    </message>
    <message>
        <source>Counting tasks in the sync log</source>
        <translation>Counting tasks in the sync log</translation>
    </message>
    <message>
        <source>Recording the artifacts of a task</source>
        <translation>Recording the artifacts of a task</translation>
    </message>
    <message>
        <source>Reading the artifacts of a task</source>
        <translation>Reading the artifacts of a task</translation>
    </message>
    <message>
        <source>%1 can only be read by you, and it needs an upgrade to schema version %2 (it has %3), which writes to it. Run crsync once as a user who may write it.</source>
        <translation>%1 can only be read by you, and it needs an upgrade to schema version %2 (it has %3), which writes to it. Run crsync once as a user who may write it.</translation>
    </message>
    <message>
        <source>Reading the database settings</source>
        <translation>Reading the database settings</translation>
    </message>
    <message>
        <source>Saving the database settings</source>
        <translation>Saving the database settings</translation>
    </message>
</context>
<context>
    <name>crsync::SyncService</name>
    <message>
        <source>This front end cannot run syncs.</source>
        <translation>This front end cannot run syncs.</translation>
    </message>
    <message>
        <source>The rule of task %1 (%2) was deleted; there is nothing to retry it with.</source>
        <translation>The rule of task %1 (%2) was deleted; there is nothing to retry it with.</translation>
    </message>
    <message>
        <source>Task %1 has no failed artifact to retry.</source>
        <translation>Task %1 has no failed artifact to retry.</translation>
    </message>
    <message>
        <source>Task %1 is not running: it ended %2.</source>
        <translation>Task %1 is not running: it ended %2.</translation>
    </message>
</context>
<context>
    <name>crsync::TaskItemModel</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Source digest</source>
        <translation>Source digest</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Source repository</source>
        <translation>Source repository</translation>
    </message>
    <message>
        <source>Target repository</source>
        <translation>Target repository</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Duration (ms)</translation>
    </message>
    <message>
        <source>Signatures and SBOMs</source>
        <translation>Signatures and SBOMs</translation>
    </message>
</context>
<context>
    <name>crsync::TaskLocks</name>
    <message>
        <source>Cannot create the folder %1 for the locks of running tasks; check the permissions of the data directory.</source>
        <translation>Cannot create the folder %1 for the locks of running tasks; check the permissions of the data directory.</translation>
    </message>
    <message>
        <source>Task %1 is already being run by another crsync process.</source>
        <translation>Task %1 is already being run by another crsync process.</translation>
    </message>
    <message>
        <source>Cannot lock task %1 in %2; check the permissions of the data directory.</source>
        <translation>Cannot lock task %1 in %2; check the permissions of the data directory.</translation>
    </message>
    <message>
        <source>Task %1 is not running, so there is nothing to cancel.</source>
        <translation>Task %1 is not running, so there is nothing to cancel.</translation>
    </message>
    <message>
        <source>Could not ask task %1 to cancel: %2 (%3).</source>
        <translation>Could not ask task %1 to cancel: %2 (%3).</translation>
    </message>
    <message>
        <source>The crsync process running this task stopped before it finished. Sync the rule again to complete it (what already arrived is not moved again).</source>
        <translation>The crsync process running this task stopped before it finished. Sync the rule again to complete it (what already arrived is not moved again).</translation>
    </message>
</context>
<context>
    <name>crsync::TaskRun</name>
    <message>
        <source>Canceled.</source>
        <translation>Canceled.</translation>
    </message>
    <message>
        <source>%1:%2 was not synced: the task stopped trying because a registry stopped answering or refused the credentials (see the task&apos;s message).</source>
        <translation>%1:%2 was not synced: the task stopped trying because a registry stopped answering or refused the credentials (see the task&apos;s message).</translation>
    </message>
    <message>
        <source>Nothing to sync: no repository of namespace %1 on %2 has a tag that matches the rule&apos;s filters and resource type.</source>
        <translation>Nothing to sync: no repository of namespace %1 on %2 has a tag that matches the rule&apos;s filters and resource type.</translation>
    </message>
    <message>
        <source>This registry does not let this account list its repositories. Name them in the rule&apos;s repository filter (for example web|api|worker), and crsync syncs them without listing.</source>
        <translation>This registry does not let this account list its repositories. Name them in the rule&apos;s repository filter (for example web|api|worker), and crsync syncs them without listing.</translation>
    </message>
</context>
<context>
    <name>crsync::TaskTableModel</name>
    <message>
        <source>%1: %2 of %3 artifacts, %4, %5</source>
        <translation>%1: %2 of %3 artifacts, %4, %5</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Task ID</source>
        <translation>Task ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Success ratio</source>
        <translation>Success ratio</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Repositories</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>%1 of %2 · %3</translation>
    </message>
</context>
<context>
    <name>crsync::Validation</name>
    <message>
        <source>(no account ID)</source>
        <translation>(no account ID)</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>A name is required.</translation>
    </message>
    <message>
        <source>The name is %1 characters long; at most %2 are allowed.</source>
        <translation>The name is %1 characters long; at most %2 are allowed.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is not allowed: use only lower-case letters a-z, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;, starting with a letter or digit.</source>
        <translation>The name &quot;%1&quot; is not allowed: use only lower-case letters a-z, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;, starting with a letter or digit.</translation>
    </message>
    <message>
        <source>The registry URL is required, for example %1.</source>
        <translation>The registry URL is required, for example %1.</translation>
    </message>
    <message>
        <source>Plain http:// sends data and credentials unencrypted. Use https://, or explicitly allow plain HTTP for this registry.</source>
        <translation>Plain http:// sends data and credentials unencrypted. Use https://, or explicitly allow plain HTTP for this registry.</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// when plain HTTP is explicitly allowed), like %1.</source>
        <translation>The URL must start with https:// (or http:// when plain HTTP is explicitly allowed), like %1.</translation>
    </message>
    <message>
        <source>Remove the user name and password from the URL: give the username in its own field; the password goes to the keychain.</source>
        <translation>Remove the user name and password from the URL: give the username in its own field; the password goes to the keychain.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or IP address.</source>
        <translation>&quot;%1&quot; is not a valid host name or IP address.</translation>
    </message>
    <message>
        <source>A registry URL has no path: remove &quot;%1&quot; and give only scheme://host[:port].</source>
        <translation>A registry URL has no path: remove &quot;%1&quot; and give only scheme://host[:port].</translation>
    </message>
    <message>
        <source>A registry URL has no query or fragment: give only scheme://host[:port].</source>
        <translation>A registry URL has no query or fragment: give only scheme://host[:port].</translation>
    </message>
    <message>
        <source>A namespace is required.</source>
        <translation>A namespace is required.</translation>
    </message>
    <message>
        <source>Give exactly one namespace; lists, wildcards and &quot;all namespaces&quot; are not supported.</source>
        <translation>Give exactly one namespace; lists, wildcards and &quot;all namespaces&quot; are not supported.</translation>
    </message>
    <message>
        <source>The namespace is %1 characters long; at most %2 are allowed.</source>
        <translation>The namespace is %1 characters long; at most %2 are allowed.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace: use lower-case letters and digits, separated by single &quot;.&quot;, &quot;_&quot;, &quot;__&quot; or &quot;-&quot;, like &quot;library&quot; or &quot;team/apps&quot;.</source>
        <translation>&quot;%1&quot; is not a valid namespace: use lower-case letters and digits, separated by single &quot;.&quot;, &quot;_&quot;, &quot;__&quot; or &quot;-&quot;, like &quot;library&quot; or &quot;team/apps&quot;.</translation>
    </message>
    <message>
        <source>The filter is %1 characters long; at most %2 are allowed.</source>
        <translation>The filter is %1 characters long; at most %2 are allowed.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression: %2 at position %3.</source>
        <translation>&quot;%1&quot; is not a valid regular expression: %2 at position %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used as a whole-name filter: %2.</source>
        <translation>&quot;%1&quot; cannot be used as a whole-name filter: %2.</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; does not exist.</source>
        <translation>The CA file &quot;%1&quot; does not exist.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file.</source>
        <translation>&quot;%1&quot; is not a file.</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; cannot be read; check its permissions.</source>
        <translation>The CA file &quot;%1&quot; cannot be read; check its permissions.</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; holds no PEM certificate (a &quot;-----BEGIN CERTIFICATE-----&quot; block).</source>
        <translation>The CA file &quot;%1&quot; holds no PEM certificate (a &quot;-----BEGIN CERTIFICATE-----&quot; block).</translation>
    </message>
    <message>
        <source>Cross-account replication needs the target&apos;s username.</source>
        <translation>Cross-account replication needs the target&apos;s username.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a service account (robot$... or tcr$...). Cross-account replication needs a user-level account of the target; give a user&apos;s name and password.</source>
        <translation>&quot;%1&quot; is a service account (robot$... or tcr$...). Cross-account replication needs a user-level account of the target; give a user&apos;s name and password.</translation>
    </message>
    <message>
        <source>The username must have no spaces and at most 255 characters.</source>
        <translation>The username must have no spaces and at most 255 characters.</translation>
    </message>
    <message>
        <source>An instance named &quot;%1&quot; already exists; choose another name.</source>
        <translation>An instance named &quot;%1&quot; already exists; choose another name.</translation>
    </message>
    <message>
        <source>The account ID must have no spaces and at most 64 characters.</source>
        <translation>The account ID must have no spaces and at most 64 characters.</translation>
    </message>
    <message>
        <source>The region must be one line of at most 64 characters.</source>
        <translation>The region must be one line of at most 64 characters.</translation>
    </message>
    <message>
        <source>A rule named &quot;%1&quot; already exists; choose another name.</source>
        <translation>A rule named &quot;%1&quot; already exists; choose another name.</translation>
    </message>
    <message>
        <source>The description is %1 characters long; at most %2 are allowed.</source>
        <translation>The description is %1 characters long; at most %2 are allowed.</translation>
    </message>
    <message>
        <source>Choose the source instance.</source>
        <translation>Choose the source instance.</translation>
    </message>
    <message>
        <source>The source instance (id %1) does not exist; choose another.</source>
        <translation>The source instance (id %1) does not exist; choose another.</translation>
    </message>
    <message>
        <source>The source namespace is required.</source>
        <translation>The source namespace is required.</translation>
    </message>
    <message>
        <source>The target is the source itself with the same namespace; choose another target or target namespace.</source>
        <translation>The target is the source itself with the same namespace; choose another target or target namespace.</translation>
    </message>
    <message>
        <source>Choose the target instance.</source>
        <translation>Choose the target instance.</translation>
    </message>
    <message>
        <source>The target instance (id %1) does not exist; choose another.</source>
        <translation>The target instance (id %1) does not exist; choose another.</translation>
    </message>
    <message>
        <source>The target instance &quot;%1&quot; belongs to account %2, the source &quot;%3&quot; to account %4. Choose an instance of the same account, or turn on cross-account replication.</source>
        <translation>The target instance &quot;%1&quot; belongs to account %2, the source &quot;%3&quot; to account %4. Choose an instance of the same account, or turn on cross-account replication.</translation>
    </message>
    <message>
        <source>Cross-account replication needs the target&apos;s URL.</source>
        <translation>Cross-account replication needs the target&apos;s URL.</translation>
    </message>
    <message>
        <source>Cross-account replication needs the password of the target&apos;s user.</source>
        <translation>Cross-account replication needs the password of the target&apos;s user.</translation>
    </message>
    <message>
        <source>The target instance ID must have no spaces and at most 128 characters.</source>
        <translation>The target instance ID must have no spaces and at most 128 characters.</translation>
    </message>
    <message>
        <source>The username cannot contain &quot;:&quot; (registries log in with &quot;user:password&quot;).</source>
        <translation>The username cannot contain &quot;:&quot; (registries log in with &quot;user:password&quot;).</translation>
    </message>
    <message>
        <source>A URL has no spaces; enter it like %1.</source>
        <translation>A URL has no spaces; enter it like %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no scheme: enter it like https://%1.</source>
        <translation>&quot;%1&quot; has no scheme: enter it like https://%1.</translation>
    </message>
    <message>
        <source>The port &quot;%1&quot; is not a number from 1 to 65535.</source>
        <translation>The port &quot;%1&quot; is not a number from 1 to 65535.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL. Enter it like %2.</source>
        <translation>&quot;%1&quot; is not a valid URL. Enter it like %2.</translation>
    </message>
    <message>
        <source>This is not a valid URL. Enter it like %1.</source>
        <translation>This is not a valid URL. Enter it like %1.</translation>
    </message>
</context>
<context>
    <name>crsync::Webhook</name>
    <message>
        <source>The body is not a JSON object (%1).</source>
        <translation>The body is not a JSON object (%1).</translation>
    </message>
    <message>
        <source>The body is neither a registry notification envelope (&quot;events&quot;) nor a Harbor webhook payload (&quot;type&quot;, &quot;event_data&quot;).</source>
        <translation>The body is neither a registry notification envelope (&quot;events&quot;) nor a Harbor webhook payload (&quot;type&quot;, &quot;event_data&quot;).</translation>
    </message>
</context>
<context>
    <name>crsync::WebhookListener</name>
    <message>
        <source>The webhook listener cannot listen on %1:%2 (is another program using that port?).</source>
        <translation>The webhook listener cannot listen on %1:%2 (is another program using that port?).</translation>
    </message>
    <message>
        <source>webhook: refused a request from %1 without the right secret (401)</source>
        <translation>webhook: refused a request from %1 without the right secret (401)</translation>
    </message>
    <message>
        <source>Authorization: Bearer SECRET is missing or wrong.</source>
        <translation>Authorization: Bearer SECRET is missing or wrong.</translation>
    </message>
    <message>
        <source>webhook: refused a body of %1 bytes (413)</source>
        <translation>webhook: refused a body of %1 bytes (413)</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation>The body is larger than %1 bytes.</translation>
    </message>
    <message>
        <source>webhook: refused a malformed body (400): %1</source>
        <translation>webhook: refused a malformed body (400): %1</translation>
    </message>
    <message>
        <source>webhook (%1): push %2:%3 queued for rule %4 (event %5)</source>
        <translation>webhook (%1): push %2:%3 queued for rule %4 (event %5)</translation>
    </message>
    <message>
        <source>%1 event(s) queued, %2 ignored.</source>
        <translation>%1 event(s) queued, %2 ignored.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 holds no PEM certificate.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read: %2</source>
        <translation>The key file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA or EC, not encrypted).</source>
        <translation>%1 holds no PEM private key (RSA or EC, not encrypted).</translation>
    </message>
</context>
<context>
    <name>crsync::cli</name>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>Where crsync keeps its database (default: $CRSYNC_DATA_DIR, else the standard application data folder).</source>
        <translation>Where crsync keeps its database (default: $CRSYNC_DATA_DIR, else the standard application data folder).</translation>
    </message>
    <message>
        <source>Usage: crsync %1 &lt;command&gt; [options]</source>
        <translation>Usage: crsync %1 &lt;command&gt; [options]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <source>Run &quot;crsync %1 &lt;command&gt; --help&quot; for the options of a command.</source>
        <translation>Run &quot;crsync %1 &lt;command&gt; --help&quot; for the options of a command.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Usage: %1</translation>
    </message>
    <message>
        <source>&quot;crsync %1&quot; needs a command before its options.</source>
        <translation>&quot;crsync %1&quot; needs a command before its options.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a command of &quot;crsync %2&quot;.</source>
        <translation>&quot;%1&quot; is not a command of &quot;crsync %2&quot;.</translation>
    </message>
    <message>
        <source>Passwords are never taken from the command line; they are read from standard input (%1).</source>
        <translation>Passwords are never taken from the command line; they are read from standard input (%1).</translation>
    </message>
    <message>
        <source>See &quot;crsync %1 %2 --help&quot;.</source>
        <translation>See &quot;crsync %1 %2 --help&quot;.</translation>
    </message>
    <message>
        <source>no arguments</source>
        <translation>no arguments</translation>
    </message>
    <message>
        <source>&quot;crsync %1 %2&quot; takes %3, but was given: %4. See &quot;crsync %1 %2 --help&quot;.</source>
        <translation>&quot;crsync %1 %2&quot; takes %3, but was given: %4. See &quot;crsync %1 %2 --help&quot;.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Print JSON instead of a table.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>--data-dir needs a directory.</source>
        <translation>--data-dir needs a directory.</translation>
    </message>
    <message>
        <source>Usage: crsync [--data-dir DIR] &lt;group&gt; &lt;command&gt; [options]
       crsync              (no arguments: opens the window)

Replicates container images and Helm charts between registries.

Groups:
</source>
        <translation>Usage: crsync [--data-dir DIR] &lt;group&gt; &lt;command&gt; [options]
       crsync              (no arguments: opens the window)

Replicates container images and Helm charts between registries.

Groups:
</translation>
    </message>
    <message>
        <source>
Global options:
  --data-dir DIR  Where crsync keeps its database (also $CRSYNC_DATA_DIR; default:
                  the standard application data folder). Accepted before the
                  group or after the command.
  -h, --help      This help; &quot;crsync &lt;group&gt; --help&quot; and
                  &quot;crsync &lt;group&gt; &lt;command&gt; --help&quot; describe each level.
  -v, --version   The version of crsync.

Passwords are never taken from the command line: they come from the keychain
(Secret Service: GNOME Keyring or KWallet) or from standard input
(--password-stdin reads one line). $CRSYNC_KEYCHAIN_SERVICE changes the keychain
service name (default &quot;crsync&quot;).

Exit status:
  0  done
  1  failures: the work ran and some of it failed (or the database failed)
  2  invalid input: a bad or missing flag or value, an unknown instance or rule,
     a name already taken, a refused removal; nothing was changed
  3  a registry could not be reached or refused the credentials, or no keychain
     is available to keep or read a password
</source>
        <translation>
Global options:
  --data-dir DIR  Where crsync keeps its database (also $CRSYNC_DATA_DIR; default:
                  the standard application data folder). Accepted before the
                  group or after the command.
  -h, --help      This help; &quot;crsync &lt;group&gt; --help&quot; and
                  &quot;crsync &lt;group&gt; &lt;command&gt; --help&quot; describe each level.
  -v, --version   The version of crsync.

Passwords are never taken from the command line: they come from the keychain
(Secret Service: GNOME Keyring or KWallet) or from standard input
(--password-stdin reads one line). $CRSYNC_KEYCHAIN_SERVICE changes the keychain
service name (default &quot;crsync&quot;).

Exit status:
  0  done
  1  failures: the work ran and some of it failed (or the database failed)
  2  invalid input: a bad or missing flag or value, an unknown instance or rule,
     a name already taken, a refused removal; nothing was changed
  3  a registry could not be reached or refused the credentials, or no keychain
     is available to keep or read a password
</translation>
    </message>
    <message>
        <source>Unknown command: %1. Run &quot;crsync --help&quot; for the list of commands.</source>
        <translation>Unknown command: %1. Run &quot;crsync --help&quot; for the list of commands.</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>--%1 was given %2 times (%3); give it once.</source>
        <translation>--%1 was given %2 times (%3); give it once.</translation>
    </message>
    <message>
        <source>crsync: argument %1 is not valid UTF-8 text; crsync takes names, filters and descriptions as UTF-8 only. Nothing was changed.</source>
        <translation>crsync: argument %1 is not valid UTF-8 text; crsync takes names, filters and descriptions as UTF-8 only. Nothing was changed.</translation>
    </message>
    <message>
        <source>crsync: there is no display to open the window on ($DISPLAY and $WAYLAND_DISPLAY are not set). Run it in a desktop session, or under xvfb-run; &quot;crsync --help&quot; lists what the command line does without one.</source>
        <translation>crsync: there is no display to open the window on ($DISPLAY and $WAYLAND_DISPLAY are not set). Run it in a desktop session, or under xvfb-run; &quot;crsync --help&quot; lists what the command line does without one.</translation>
    </message>
</context>
<context>
    <name>crsync::cli::CommandContext</name>
    <message>
        <source>%1 reads the password from standard input, but %2. Pipe it in, e.g. printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | crsync ...</source>
        <translation>%1 reads the password from standard input, but %2. Pipe it in, e.g. printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | crsync ...</translation>
    </message>
    <message>
        <source>standard input was empty</source>
        <translation>standard input was empty</translation>
    </message>
    <message>
        <source>the first line was empty</source>
        <translation>the first line was empty</translation>
    </message>
    <message>
        <source>[y/N]</source>
        <translation>[y/N]</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>warning: the passwords stored by an older crsync could not be moved to this data dir&apos;s keychain entries yet: %1</source>
        <translation>warning: the passwords stored by an older crsync could not be moved to this data dir&apos;s keychain entries yet: %1</translation>
    </message>
</context>
<context>
    <name>crsync::cli::DaemonCommands</name>
    <message>
        <source>Run automatic sync without a window: the webhook listener and the event queue (&quot;crsync daemon [--listen HOST:PORT]&quot;).</source>
        <translation>Run automatic sync without a window: the webhook listener and the event queue (&quot;crsync daemon [--listen HOST:PORT]&quot;).</translation>
    </message>
    <message>
        <source>Listen for registry notifications and sync what enabled rules cover.</source>
        <translation>Listen for registry notifications and sync what enabled rules cover.</translation>
    </message>
    <message>
        <source>Pushes that registries announce on POST /webhook (Authorization: Bearer SECRET, see &quot;crsync webhook secret&quot;) are queued in the data dir and synced by tasks with trigger &quot;event&quot;. One line per event and task goes to standard error. SIGTERM or SIGINT stops it: no new request is accepted, running tasks are canceled, and queued events run after the next start. Only one process may run automatic sync per data dir.</source>
        <translation>Pushes that registries announce on POST /webhook (Authorization: Bearer SECRET, see &quot;crsync webhook secret&quot;) are queued in the data dir and synced by tasks with trigger &quot;event&quot;. One line per event and task goes to standard error. SIGTERM or SIGINT stops it: no new request is accepted, running tasks are canceled, and queued events run after the next start. Only one process may run automatic sync per data dir.</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:%1).</source>
        <translation>Address and port to listen on (default 127.0.0.1:%1).</translation>
    </message>
    <message>
        <source>What to give a registry so its pushes reach crsync: &quot;crsync webhook secret&quot;, &quot;crsync webhook url&quot;.</source>
        <translation>What to give a registry so its pushes reach crsync: &quot;crsync webhook secret&quot;, &quot;crsync webhook url&quot;.</translation>
    </message>
    <message>
        <source>Print the webhook secret (made and kept in the keychain on first use).</source>
        <translation>Print the webhook secret (made and kept in the keychain on first use).</translation>
    </message>
    <message>
        <source>Registries send it as &quot;Authorization: Bearer SECRET&quot;. --rotate replaces it: registries with the old one are refused from then on.</source>
        <translation>Registries send it as &quot;Authorization: Bearer SECRET&quot;. --rotate replaces it: registries with the old one are refused from then on.</translation>
    </message>
    <message>
        <source>Make a new secret and print it.</source>
        <translation>Make a new secret and print it.</translation>
    </message>
    <message>
        <source>Print the URL registries post their notifications to.</source>
        <translation>Print the URL registries post their notifications to.</translation>
    </message>
    <message>
        <source>The address the daemon listens on, as given to it.</source>
        <translation>The address the daemon listens on, as given to it.</translation>
    </message>
    <message>
        <source>task %1 of rule %2 running</source>
        <translation>task %1 of rule %2 running</translation>
    </message>
    <message>
        <source>task %1 ended %2</source>
        <translation>task %1 ended %2</translation>
    </message>
    <message>
        <source>stopping: no new requests; running tasks are canceled, queued events wait for the next start</source>
        <translation>stopping: no new requests; running tasks are canceled, queued events wait for the next start</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>Have automatic sync look at the instance every SECONDS (0: never).</source>
        <translation>Have automatic sync look at the instance every SECONDS (0: never).</translation>
    </message>
    <message>
        <source>For registries that cannot send notifications: the daemon (or the window) scans what the instance&apos;s enabled rules cover that often and syncs tags that are new or changed since its last look, in tasks with trigger &quot;poll&quot;. A look that finds nothing new starts no task.</source>
        <translation>For registries that cannot send notifications: the daemon (or the window) scans what the instance&apos;s enabled rules cover that often and syncs tags that are new or changed since its last look, in tasks with trigger &quot;poll&quot;. A look that finds nothing new starts no task.</translation>
    </message>
    <message>
        <source>SECONDS is 0 (no polling) or at least 10, not &quot;%1&quot;.</source>
        <translation>SECONDS is 0 (no polling) or at least 10, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Instance %1 is polled every %2 s while automatic sync runs.</source>
        <translation>Instance %1 is polled every %2 s while automatic sync runs.</translation>
    </message>
    <message>
        <source>Instance %1 is not polled.</source>
        <translation>Instance %1 is not polled.</translation>
    </message>
    <message>
        <source>Run a full sync of the rule on a schedule: &quot;every 30m&quot;, &quot;every 2h&quot;, &quot;daily 02:00&quot;, or &quot;off&quot;.</source>
        <translation>Run a full sync of the rule on a schedule: &quot;every 30m&quot;, &quot;every 2h&quot;, &quot;daily 02:00&quot;, or &quot;off&quot;.</translation>
    </message>
    <message>
        <source>Scheduled runs have trigger &quot;schedule&quot; and happen while automatic sync runs (crsync daemon, or the window). A run that would overlap the rule&apos;s running task is skipped and logged. &quot;crsync rule show NAME&quot; gives the next run.</source>
        <translation>Scheduled runs have trigger &quot;schedule&quot; and happen while automatic sync runs (crsync daemon, or the window). A run that would overlap the rule&apos;s running task is skipped and logged. &quot;crsync rule show NAME&quot; gives the next run.</translation>
    </message>
    <message>
        <source>Rule %1 has no schedule.</source>
        <translation>Rule %1 has no schedule.</translation>
    </message>
    <message>
        <source>Rule %1 runs %2 while automatic sync runs.</source>
        <translation>Rule %1 runs %2 while automatic sync runs.</translation>
    </message>
    <message>
        <source>PEM certificate (chain) to answer with HTTPS; needed beyond loopback.</source>
        <translation>PEM certificate (chain) to answer with HTTPS; needed beyond loopback.</translation>
    </message>
    <message>
        <source>PEM private key of --tls-cert.</source>
        <translation>PEM private key of --tls-cert.</translation>
    </message>
</context>
<context>
    <name>crsync::cli::InstanceCommands</name>
    <message>
        <source>JSON fields (stable): id (number), name, url, flavor (generic|harbor|tcr), accountId, region, username, caFile (strings, empty when unset), insecureSkipVerify, allowHttp (booleans). The password is never printed.</source>
        <translation>JSON fields (stable): id (number), name, url, flavor (generic|harbor|tcr), accountId, region, username, caFile (strings, empty when unset), insecureSkipVerify, allowHttp (booleans). The password is never printed.</translation>
    </message>
    <message>
        <source>Add a registry instance (its password goes to the keychain).</source>
        <translation>Add a registry instance (its password goes to the keychain).</translation>
    </message>
    <message>
        <source>Registry URL, https://host[:port] (http:// needs --allow-http).</source>
        <translation>Registry URL, https://host[:port] (http:// needs --allow-http).</translation>
    </message>
    <message>
        <source>Account ID; instances sharing it are the same account.</source>
        <translation>Account ID; instances sharing it are the same account.</translation>
    </message>
    <message>
        <source>Region label.</source>
        <translation>Region label.</translation>
    </message>
    <message>
        <source>generic (OCI distribution, default), harbor or tcr.</source>
        <translation>generic (OCI distribution, default), harbor or tcr.</translation>
    </message>
    <message>
        <source>User to log in as (needs --password-stdin).</source>
        <translation>User to log in as (needs --password-stdin).</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>Read the password from the first line of standard input.</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate(s), PEM.</source>
        <translation>Extra trusted CA certificate(s), PEM.</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (unsafe: anyone on the path can read the password).</source>
        <translation>Skip TLS certificate verification (unsafe: anyone on the path can read the password).</translation>
    </message>
    <message>
        <source>Allow a plain http:// URL (unencrypted).</source>
        <translation>Allow a plain http:// URL (unencrypted).</translation>
    </message>
    <message>
        <source>List the instances.</source>
        <translation>List the instances.</translation>
    </message>
    <message>
        <source>--json prints an array of them.</source>
        <translation>--json prints an array of them.</translation>
    </message>
    <message>
        <source>Show one instance, the rules that use it, and whether its password is in the keychain.</source>
        <translation>Show one instance, the rules that use it, and whether its password is in the keychain.</translation>
    </message>
    <message>
        <source>Remove an instance and its keychain entry (refused while rules use it).</source>
        <translation>Remove an instance and its keychain entry (refused while rules use it).</translation>
    </message>
    <message>
        <source>Ping the registry with the stored credentials and report what it allows.</source>
        <translation>Ping the registry with the stored credentials and report what it allows.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a flavor; use generic, harbor or tcr.</source>
        <translation>&quot;%1&quot; is not a flavor; use generic, harbor or tcr.</translation>
    </message>
    <message>
        <source>warning: TLS verification is off for &quot;%1&quot;: anyone on the network path can impersonate the registry and read the password.</source>
        <translation>warning: TLS verification is off for &quot;%1&quot;: anyone on the network path can impersonate the registry and read the password.</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; added: %2 (%3).</source>
        <translation>Instance &quot;%1&quot; added: %2 (%3).</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Password for %1 at %2: </translation>
    </message>
    <message>
        <source>No instances yet. Add one with &quot;crsync instance add NAME --url URL&quot;.</source>
        <translation>No instances yet. Add one with &quot;crsync instance add NAME --url URL&quot;.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>FLAVOR</source>
        <translation>FLAVOR</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>ACCOUNT</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>USERNAME</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>none (http)</source>
        <translation>none (http)</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>verified (own CA)</source>
        <translation>verified (own CA)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Flavor</source>
        <translation>Flavor</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Account ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonymous)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA file</translation>
    </message>
    <message>
        <source>TLS verification</source>
        <translation>TLS verification</translation>
    </message>
    <message>
        <source>off (insecure)</source>
        <translation>off (insecure)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>Plain HTTP allowed</source>
        <translation>Plain HTTP allowed</translation>
    </message>
    <message>
        <source>Used by rules</source>
        <translation>Used by rules</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(none: anonymous access)</source>
        <translation>(none: anonymous access)</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>stored in the keychain</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unknown (%1)</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; removed.</source>
        <translation>Instance &quot;%1&quot; removed.</translation>
    </message>
    <message>
        <source>none (anonymous access)</source>
        <translation>none (anonymous access)</translation>
    </message>
    <message>
        <source>accepted (user %1)</source>
        <translation>accepted (user %1)</translation>
    </message>
    <message>
        <source>REFUSED (user %1)</source>
        <translation>REFUSED (user %1)</translation>
    </message>
    <message>
        <source>MISSING from the keychain</source>
        <translation>MISSING from the keychain</translation>
    </message>
    <message>
        <source>none (anonymous)</source>
        <translation>none (anonymous)</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Reachable</translation>
    </message>
    <message>
        <source>yes (HTTP %1%2)</source>
        <translation>yes (HTTP %1%2)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Repositories visible</source>
        <translation>Repositories visible</translation>
    </message>
    <message>
        <source>not listed (%1)</source>
        <translation>not listed (%1)</translation>
    </message>
    <message>
        <source>(--allow-http allows it.)</source>
        <translation>(--allow-http allows it.)</translation>
    </message>
    <message>
        <source>(--password-stdin reads it from standard input.)</source>
        <translation>(--password-stdin reads it from standard input.)</translation>
    </message>
    <message>
        <source>User to log in as (needs --password-stdin); &quot;&quot; for anonymous access.</source>
        <translation>User to log in as (needs --password-stdin); &quot;&quot; for anonymous access.</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate(s), PEM; &quot;&quot; removes it.</source>
        <translation>Extra trusted CA certificate(s), PEM; &quot;&quot; removes it.</translation>
    </message>
    <message>
        <source>Rename the instance.</source>
        <translation>Rename the instance.</translation>
    </message>
    <message>
        <source>Verify TLS certificates again.</source>
        <translation>Verify TLS certificates again.</translation>
    </message>
    <message>
        <source>Refuse plain http:// again.</source>
        <translation>Refuse plain http:// again.</translation>
    </message>
    <message>
        <source>--insecure and --verify-tls contradict each other.</source>
        <translation>--insecure and --verify-tls contradict each other.</translation>
    </message>
    <message>
        <source>--allow-http and --no-allow-http contradict each other.</source>
        <translation>--allow-http and --no-allow-http contradict each other.</translation>
    </message>
    <message>
        <source>Registry instances: add, list, show, edit, remove, test the connection.</source>
        <translation>Registry instances: add, list, show, edit, remove, test the connection.</translation>
    </message>
    <message>
        <source>The password is never given on the command line: --password-stdin reads one line from standard input (printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | crsync instance add ...) and stores it in the keychain. Nothing is stored when any value is refused.</source>
        <translation>The password is never given on the command line: --password-stdin reads one line from standard input (printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | crsync instance add ...) and stores it in the keychain. Nothing is stored when any value is refused.</translation>
    </message>
    <message>
        <source>Change any field of an instance, also while rules use it.</source>
        <translation>Change any field of an instance, also while rules use it.</translation>
    </message>
    <message>
        <source>Only the flags given change. The password stays as it is unless --password-stdin gives a new one; a new --username needs its password, and --username &quot;&quot; switches to anonymous access (the password leaves the keychain). Tasks already running finish with the settings they started with.</source>
        <translation>Only the flags given change. The password stays as it is unless --password-stdin gives a new one; a new --username needs its password, and --username &quot;&quot; switches to anonymous access (the password leaves the keychain). Tasks already running finish with the settings they started with.</translation>
    </message>
    <message>
        <source>show adds: rules (array of rule names using the instance), passwordStored (true, false, or null when no keychain answered or no username is set), keychainKey (the keychain entry of its password, empty without a username).</source>
        <translation>show adds: rules (array of rule names using the instance), passwordStored (true, false, or null when no keychain answered or no username is set), keychainKey (the keychain entry of its password, empty without a username).</translation>
    </message>
    <message>
        <source>Exit status 0 when the registry answered and accepted the credentials; 3 when it could not be reached, its certificate did not verify, or it refused the credentials.
JSON fields (stable): instance, url (strings), reachable (boolean), httpStatus (number), authScheme (&quot;&quot;, &quot;basic&quot;, &quot;bearer&quot;), apiVersion (string), credentials (&quot;accepted&quot;, &quot;refused&quot;, &quot;anonymous&quot;, &quot;missing&quot;), repositories (number, or null when the catalog is not allowed), catalogError (string or null), error (string or null), advice (string or null: what to do about the error).</source>
        <translation>Exit status 0 when the registry answered and accepted the credentials; 3 when it could not be reached, its certificate did not verify, or it refused the credentials.
JSON fields (stable): instance, url (strings), reachable (boolean), httpStatus (number), authScheme (&quot;&quot;, &quot;basic&quot;, &quot;bearer&quot;), apiVersion (string), credentials (&quot;accepted&quot;, &quot;refused&quot;, &quot;anonymous&quot;, &quot;missing&quot;), repositories (number, or null when the catalog is not allowed), catalogError (string or null), error (string or null), advice (string or null: what to do about the error).</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; updated.</source>
        <translation>Instance &quot;%1&quot; updated.</translation>
    </message>
    <message>
        <source>MISSING from the keychain: store it with &quot;crsync instance edit %1 --password-stdin&quot;</source>
        <translation>MISSING from the keychain: store it with &quot;crsync instance edit %1 --password-stdin&quot;</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>NOT SENT (the token service is plain HTTP on another host)</source>
        <translation>NOT SENT (the token service is plain HTTP on another host)</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Listing</translation>
    </message>
    <message>
        <source>closed: rules on this source sync the repositories their repository filter names (e.g. web|api|worker)</source>
        <translation>closed: rules on this source sync the repositories their repository filter names (e.g. web|api|worker)</translation>
    </message>
</context>
<context>
    <name>crsync::cli::LogCommands</name>
    <message>
        <source>The sync log: tasks and their artifacts.</source>
        <translation>The sync log: tasks and their artifacts.</translation>
    </message>
    <message>
        <source>List tasks, newest first (&quot;crsync log&quot;).</source>
        <translation>List tasks, newest first (&quot;crsync log&quot;).</translation>
    </message>
    <message>
        <source>--status takes Pending, InProgress, Succeeded, PartiallySucceeded, Failed, Canceled or Interrupted, or several separated by commas. JSON fields: id, ruleId, rule, source, target, trigger, status, created, started, finished (ISO 8601 UTC, empty when unset), durationMs, repositories, artifactsTotal, artifactsCopied, artifactsSkipped, artifactsFailed, successRatio (0..1), bytes, message.</source>
        <translation>--status takes Pending, InProgress, Succeeded, PartiallySucceeded, Failed, Canceled or Interrupted, or several separated by commas. JSON fields: id, ruleId, rule, source, target, trigger, status, created, started, finished (ISO 8601 UTC, empty when unset), durationMs, repositories, artifactsTotal, artifactsCopied, artifactsSkipped, artifactsFailed, successRatio (0..1), bytes, message.</translation>
    </message>
    <message>
        <source>Only the tasks of this rule (also of a deleted one).</source>
        <translation>Only the tasks of this rule (also of a deleted one).</translation>
    </message>
    <message>
        <source>Only tasks with this status.</source>
        <translation>Only tasks with this status.</translation>
    </message>
    <message>
        <source>At most N tasks (default 50; 0 = all).</source>
        <translation>At most N tasks (default 50; 0 = all).</translation>
    </message>
    <message>
        <source>Show a task and each of its artifacts.</source>
        <translation>Show a task and each of its artifacts.</translation>
    </message>
    <message>
        <source>--limit takes a number of tasks, 0 for all.</source>
        <translation>--limit takes a number of tasks, 0 for all.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task status; use Pending, InProgress, Succeeded, PartiallySucceeded, Failed, Canceled or Interrupted.</source>
        <translation>&quot;%1&quot; is not a task status; use Pending, InProgress, Succeeded, PartiallySucceeded, Failed, Canceled or Interrupted.</translation>
    </message>
    <message>
        <source>There is no rule named &quot;%1&quot;, and no task of a deleted rule of that name (&quot;crsync rule list&quot; shows the rules).</source>
        <translation>There is no rule named &quot;%1&quot;, and no task of a deleted rule of that name (&quot;crsync rule list&quot; shows the rules).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>RULE</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <source>SUCCESS</source>
        <translation>SUCCESS</translation>
    </message>
    <message>
        <source>REPOS</source>
        <translation>REPOS</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>TRIGGER</source>
        <translation>TRIGGER</translation>
    </message>
    <message>
        <source>ARTIFACTS</source>
        <translation>ARTIFACTS</translation>
    </message>
    <message>
        <source>COPIED</source>
        <translation>COPIED</translation>
    </message>
    <message>
        <source>SKIPPED</source>
        <translation>SKIPPED</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <source>No tasks yet. &quot;crsync sync NAME&quot; starts one.</source>
        <translation>No tasks yet. &quot;crsync sync NAME&quot; starts one.</translation>
    </message>
    <message>
        <source>No task matches.</source>
        <translation>No task matches.</translation>
    </message>
    <message>
        <source>The newest %1 of %2 tasks; --limit N shows more (0 shows all).</source>
        <translation>The newest %1 of %2 tasks; --limit N shows more (0 shows all).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task ID; &quot;crsync log&quot; lists them.</source>
        <translation>&quot;%1&quot; is not a task ID; &quot;crsync log&quot; lists them.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Repositories</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artifacts</translation>
    </message>
    <message>
        <source>%1 total, %2 copied, %3 skipped, %4 failed</source>
        <translation>%1 total, %2 copied, %3 skipped, %4 failed</translation>
    </message>
    <message>
        <source>Success ratio</source>
        <translation>Success ratio</translation>
    </message>
    <message>
        <source>Bytes moved</source>
        <translation>Bytes moved</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>TARGET</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>OUTCOME</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>DIGEST</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <source>JSON: the task&apos;s fields (as in &quot;crsync log --json&quot;) and &quot;items&quot;: sourceRepository, targetRepository, tag, digest, kind (image|chart|other), outcome (copied|up-to-date|exists-not-overwritten|failed|canceled), bytes, durationMs, error, referrers (the signatures, attestations and SBOMs of the artifact at the target, for a rule that copies them).</source>
        <translation>JSON: the task&apos;s fields (as in &quot;crsync log --json&quot;) and &quot;items&quot;: sourceRepository, targetRepository, tag, digest, kind (image|chart|other), outcome (copied|up-to-date|exists-not-overwritten|failed|canceled), bytes, durationMs, error, referrers (the signatures, attestations and SBOMs of the artifact at the target, for a rule that copies them).</translation>
    </message>
</context>
<context>
    <name>crsync::cli::PreviewCommand</name>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copy</translation>
    </message>
    <message>
        <source>up-to-date</source>
        <translation>up-to-date</translation>
    </message>
    <message>
        <source>exists-not-overwritten</source>
        <translation>exists-not-overwritten</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>TARGET</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>DIGEST</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <source>Rule %1: %2 in %3: %4 to copy (at most %5), %6 up to date, %7 existing and not overwritten, %8 errors. Nothing was moved.</source>
        <translation>Rule %1: %2 in %3: %4 to copy (at most %5), %6 up to date, %7 existing and not overwritten, %8 errors. Nothing was moved.</translation>
    </message>
    <message numerus="yes">
        <source>%n artifact(s)</source>
        <translation>
            <numerusform>%n artifact</numerusform>
            <numerusform>%n artifacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message>
        <source>Show what a sync of the rule would do, moving nothing.</source>
        <translation>Show what a sync of the rule would do, moving nothing.</translation>
    </message>
    <message>
        <source>Lists every repository:tag the rule takes (after its filters and resource type) with the action a sync would take: copy, up-to-date, exists-not-overwritten, or error. Exits 1 when an artifact could not be decided (3 when a registry could not be reached or refused the credentials). JSON fields: rule, repositories, copy, upToDate, existsNotOverwritten, errors, bytesAtMost (each blob counted once), artifacts (sourceRepository, targetRepository, tag, digest, kind, action, size, error).</source>
        <translation>Lists every repository:tag the rule takes (after its filters and resource type) with the action a sync would take: copy, up-to-date, exists-not-overwritten, or error. Exits 1 when an artifact could not be decided (3 when a registry could not be reached or refused the credentials). JSON fields: rule, repositories, copy, upToDate, existsNotOverwritten, errors, bytesAtMost (each blob counted once), artifacts (sourceRepository, targetRepository, tag, digest, kind, action, size, error).</translation>
    </message>
</context>
<context>
    <name>crsync::cli::RuleCommands</name>
    <message>
        <source>%1 as %2 (cross-account)</source>
        <translation>%1 as %2 (cross-account)</translation>
    </message>
    <message>
        <source>Create a rule.</source>
        <translation>Create a rule.</translation>
    </message>
    <message>
        <source>List the rules.</source>
        <translation>List the rules.</translation>
    </message>
    <message>
        <source>--json prints an array of them.</source>
        <translation>--json prints an array of them.</translation>
    </message>
    <message>
        <source>Show one rule.</source>
        <translation>Show one rule.</translation>
    </message>
    <message>
        <source>show adds: sharedCredentialsWith (names of other rules using the same cross-account credentials).</source>
        <translation>show adds: sharedCredentialsWith (names of other rules using the same cross-account credentials).</translation>
    </message>
    <message>
        <source>Change any field of a rule (same flags as create, plus --name, --no-overwrite, --enabled).</source>
        <translation>Change any field of a rule (same flags as create, plus --name, --no-overwrite, --enabled).</translation>
    </message>
    <message>
        <source>Only the flags given change. An empty value clears an optional field (--repo-filter &quot;&quot;). --target switches to a same-account target, --target-url to a cross-account one. A task already running finishes with the settings it started with.</source>
        <translation>Only the flags given change. An empty value clears an optional field (--repo-filter &quot;&quot;). --target switches to a same-account target, --target-url to a cross-account one. A task already running finishes with the settings it started with.</translation>
    </message>
    <message>
        <source>Switch a rule on.</source>
        <translation>Switch a rule on.</translation>
    </message>
    <message>
        <source>Switch a rule off: no events, no manual sync.</source>
        <translation>Switch a rule off: no events, no manual sync.</translation>
    </message>
    <message>
        <source>Delete a rule (asks first unless --yes); its sync logs are kept.</source>
        <translation>Delete a rule (asks first unless --yes); its sync logs are kept.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Do not ask for confirmation.</translation>
    </message>
    <message>
        <source>Without --yes the command asks on the terminal; when standard input is not a terminal it refuses (exit status 2). The rule&apos;s cross-account credentials leave the keychain unless another rule uses the same target and username.</source>
        <translation>Without --yes the command asks on the terminal; when standard input is not a terminal it refuses (exit status 2). The rule&apos;s cross-account credentials leave the keychain unless another rule uses the same target and username.</translation>
    </message>
    <message>
        <source>No rules yet. Create one with &quot;crsync rule create&quot;.</source>
        <translation>No rules yet. Create one with &quot;crsync rule create&quot;.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation>ENABLED</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>TARGET</translation>
    </message>
    <message>
        <source>TARGET NS</source>
        <translation>TARGET NS</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>OVERWRITE</source>
        <translation>OVERWRITE</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>DESCRIPTION</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Source instance</source>
        <translation>Source instance</translation>
    </message>
    <message>
        <source>Source namespace</source>
        <translation>Source namespace</translation>
    </message>
    <message>
        <source>Repository filter</source>
        <translation>Repository filter</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Tag filter</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>Resource type</translation>
    </message>
    <message>
        <source>Cross-account</source>
        <translation>Cross-account</translation>
    </message>
    <message>
        <source>Target URL</source>
        <translation>Target URL</translation>
    </message>
    <message>
        <source>Target username</source>
        <translation>Target username</translation>
    </message>
    <message>
        <source>Target flavor</source>
        <translation>Target flavor</translation>
    </message>
    <message>
        <source>Target instance ID</source>
        <translation>Target instance ID</translation>
    </message>
    <message>
        <source>Target CA file</source>
        <translation>Target CA file</translation>
    </message>
    <message>
        <source>Target TLS verification</source>
        <translation>Target TLS verification</translation>
    </message>
    <message>
        <source>off (insecure)</source>
        <translation>off (insecure)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>Credentials shared with</source>
        <translation>Credentials shared with</translation>
    </message>
    <message>
        <source>(no other rule)</source>
        <translation>(no other rule)</translation>
    </message>
    <message>
        <source>Target instance</source>
        <translation>Target instance</translation>
    </message>
    <message>
        <source>Target namespace</source>
        <translation>Target namespace</translation>
    </message>
    <message>
        <source>%1 (same as the source)</source>
        <translation>%1 (same as the source)</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is enabled.</source>
        <translation>Rule &quot;%1&quot; is enabled.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is disabled.</source>
        <translation>Rule &quot;%1&quot; is disabled.</translation>
    </message>
    <message>
        <source>Deleting rule &quot;%1&quot; needs confirmation, and standard input is not a terminal: pass --yes to delete without asking. Nothing was deleted.</source>
        <translation>Deleting rule &quot;%1&quot; needs confirmation, and standard input is not a terminal: pass --yes to delete without asking. Nothing was deleted.</translation>
    </message>
    <message>
        <source>Delete rule &quot;%1&quot;? Its sync logs are kept.</source>
        <translation>Delete rule &quot;%1&quot;? Its sync logs are kept.</translation>
    </message>
    <message>
        <source>Nothing deleted.</source>
        <translation>Nothing deleted.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; deleted.</source>
        <translation>Rule &quot;%1&quot; deleted.</translation>
    </message>
    <message numerus="yes">
        <source>Its %n sync log entries are kept.</source>
        <translation>
            <numerusform>Its %n sync log entry is kept.</numerusform>
            <numerusform>Its %n sync log entries are kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its cross-account credentials stay in the keychain for rule(s) %1.</source>
        <translation>Its cross-account credentials stay in the keychain for rule(s) %1.</translation>
    </message>
    <message>
        <source>Its cross-account credentials were removed from the keychain.</source>
        <translation>Its cross-account credentials were removed from the keychain.</translation>
    </message>
    <message>
        <source>A target is required: --target INSTANCE (same account) or --target-url URL --target-username U --target-password-stdin (cross-account).</source>
        <translation>A target is required: --target INSTANCE (same account) or --target-url URL --target-username U --target-password-stdin (cross-account).</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; updated.</source>
        <translation>Rule &quot;%1&quot; updated.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; created.</source>
        <translation>Rule &quot;%1&quot; created.</translation>
    </message>
    <message>
        <source>The new credentials of %1 at %2 replace the old ones for rule(s) %3 too.</source>
        <translation>The new credentials of %1 at %2 replace the old ones for rule(s) %3 too.</translation>
    </message>
    <message>
        <source>warning: TLS verification is off for the target %1: anyone on the network path can impersonate it and read the password.</source>
        <translation>warning: TLS verification is off for the target %1: anyone on the network path can impersonate it and read the password.</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Password for %1 at %2: </translation>
    </message>
    <message>
        <source>Replication rules: create, list, show, edit, enable, disable, clone, delete.</source>
        <translation>Replication rules: create, list, show, edit, enable, disable, clone, delete.</translation>
    </message>
    <message>
        <source>Every value is checked before anything is stored; a bad one is refused with exit status 2, naming the flag. Cross-account credentials are kept in the keychain per (target URL, username): giving a new password for the same target and user replaces it for every rule that uses them; when the keychain already holds them, --target-password-stdin may be left out.</source>
        <translation>Every value is checked before anything is stored; a bad one is refused with exit status 2, naming the flag. Cross-account credentials are kept in the keychain per (target URL, username): giving a new password for the same target and user replaces it for every rule that uses them; when the keychain already holds them, --target-password-stdin may be left out.</translation>
    </message>
    <message>
        <source>Copy a rule under a new name; the copy starts disabled.</source>
        <translation>Copy a rule under a new name; the copy starts disabled.</translation>
    </message>
    <message>
        <source>Name of the copy (default: NAME-copy).</source>
        <translation>Name of the copy (default: NAME-copy).</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; created as a copy; it is disabled until you enable it.</source>
        <translation>Rule &quot;%1&quot; created as a copy; it is disabled until you enable it.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Next scheduled run</source>
        <translation>Next scheduled run</translation>
    </message>
    <message>
        <source>%1 (while automatic sync runs)</source>
        <translation>%1 (while automatic sync runs)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>JSON fields (stable): id (number); name, description, source (instance name), sourceNamespace, repositoryFilter, tagFilter (empty = all), resourceType (image|chart|all) (strings); enabled, crossAccount, overwrite, withReferrers (signatures, attestations and SBOMs copied with each artifact) (booleans); target (instance name, null when cross-account); targetUrl (the target instance&apos;s URL, or the cross-account URL); targetUsername, targetCaFile, targetInstanceId (strings, empty unless cross-account); targetFlavor (string, null unless cross-account); targetInsecureSkipVerify, targetAllowHttp (booleans); targetNamespace (as given, empty = same as the source); effectiveTargetNamespace. Passwords are never printed.</source>
        <translation>JSON fields (stable): id (number); name, description, source (instance name), sourceNamespace, repositoryFilter, tagFilter (empty = all), resourceType (image|chart|all) (strings); enabled, crossAccount, overwrite, withReferrers (signatures, attestations and SBOMs copied with each artifact) (booleans); target (instance name, null when cross-account); targetUrl (the target instance&apos;s URL, or the cross-account URL); targetUsername, targetCaFile, targetInstanceId (strings, empty unless cross-account); targetFlavor (string, null unless cross-account); targetInsecureSkipVerify, targetAllowHttp (booleans); targetNamespace (as given, empty = same as the source); effectiveTargetNamespace. Passwords are never printed.</translation>
    </message>
    <message>
        <source>REFERRERS</source>
        <translation>REFERRERS</translation>
    </message>
    <message>
        <source>Signatures and SBOMs</source>
        <translation>Signatures and SBOMs</translation>
    </message>
</context>
<context>
    <name>crsync::cli::RuleFlags</name>
    <message>
        <source>(--target-allow-http allows it.)</source>
        <translation>(--target-allow-http allows it.)</translation>
    </message>
    <message>
        <source>(For a target of another account use --target-url with --target-username and --target-password-stdin.)</source>
        <translation>(For a target of another account use --target-url with --target-username and --target-password-stdin.)</translation>
    </message>
    <message>
        <source>Source instance (name).</source>
        <translation>Source instance (name).</translation>
    </message>
    <message>
        <source>Source namespace (exactly one).</source>
        <translation>Source namespace (exactly one).</translation>
    </message>
    <message>
        <source>Regex matched against the whole repository path below the namespace; empty = all.</source>
        <translation>Regex matched against the whole repository path below the namespace; empty = all.</translation>
    </message>
    <message>
        <source>Regex matched against the whole tag; empty = all.</source>
        <translation>Regex matched against the whole tag; empty = all.</translation>
    </message>
    <message>
        <source>Resource type: image, chart or all (default all).</source>
        <translation>Resource type: image, chart or all (default all).</translation>
    </message>
    <message>
        <source>Target instance of the same account (name).</source>
        <translation>Target instance of the same account (name).</translation>
    </message>
    <message>
        <source>Target namespace; empty = the source namespace&apos;s name.</source>
        <translation>Target namespace; empty = the source namespace&apos;s name.</translation>
    </message>
    <message>
        <source>Replace target tags that exist with another digest.</source>
        <translation>Replace target tags that exist with another digest.</translation>
    </message>
    <message>
        <source>Store the rule switched off.</source>
        <translation>Store the rule switched off.</translation>
    </message>
    <message>
        <source>Free text.</source>
        <translation>Free text.</translation>
    </message>
    <message>
        <source>Cross-account: URL of the target registry (instead of --target).</source>
        <translation>Cross-account: URL of the target registry (instead of --target).</translation>
    </message>
    <message>
        <source>Cross-account: a user-level account at the target (no robot$/tcr$ service accounts).</source>
        <translation>Cross-account: a user-level account at the target (no robot$/tcr$ service accounts).</translation>
    </message>
    <message>
        <source>Cross-account: read the target password from the first line of standard input.</source>
        <translation>Cross-account: read the target password from the first line of standard input.</translation>
    </message>
    <message>
        <source>Cross-account: generic, harbor or tcr.</source>
        <translation>Cross-account: generic, harbor or tcr.</translation>
    </message>
    <message>
        <source>Cross-account: extra trusted CA certificate(s), PEM.</source>
        <translation>Cross-account: extra trusted CA certificate(s), PEM.</translation>
    </message>
    <message>
        <source>Cross-account: skip TLS verification (unsafe).</source>
        <translation>Cross-account: skip TLS verification (unsafe).</translation>
    </message>
    <message>
        <source>Cross-account: allow a plain http:// target URL.</source>
        <translation>Cross-account: allow a plain http:// target URL.</translation>
    </message>
    <message>
        <source>Cross-account: the target&apos;s instance ID as its owner gave it.</source>
        <translation>Cross-account: the target&apos;s instance ID as its owner gave it.</translation>
    </message>
    <message>
        <source>Rename the rule.</source>
        <translation>Rename the rule.</translation>
    </message>
    <message>
        <source>Leave existing target tags alone.</source>
        <translation>Leave existing target tags alone.</translation>
    </message>
    <message>
        <source>Switch the rule on.</source>
        <translation>Switch the rule on.</translation>
    </message>
    <message>
        <source>There is no instance named &quot;%1&quot; (see &quot;crsync instance list&quot;).</source>
        <translation>There is no instance named &quot;%1&quot; (see &quot;crsync instance list&quot;).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a resource type; use image, chart or all.</source>
        <translation>&quot;%1&quot; is not a resource type; use image, chart or all.</translation>
    </message>
    <message>
        <source>Give either --target (an instance of the same account) or --target-url (cross-account), not both.</source>
        <translation>Give either --target (an instance of the same account) or --target-url (cross-account), not both.</translation>
    </message>
    <message>
        <source>Only for a cross-account target (--target-url).</source>
        <translation>Only for a cross-account target (--target-url).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a flavor; use generic, harbor or tcr.</source>
        <translation>&quot;%1&quot; is not a flavor; use generic, harbor or tcr.</translation>
    </message>
    <message>
        <source>--overwrite and --no-overwrite contradict each other.</source>
        <translation>--overwrite and --no-overwrite contradict each other.</translation>
    </message>
    <message>
        <source>--enabled and --disabled contradict each other.</source>
        <translation>--enabled and --disabled contradict each other.</translation>
    </message>
    <message>
        <source>Copy the signatures, attestations and SBOMs of each artifact with it (the default for a new rule).</source>
        <translation>Copy the signatures, attestations and SBOMs of each artifact with it (the default for a new rule).</translation>
    </message>
    <message>
        <source>Do not copy them with it: their cosign tags (sha256-&lt;hex&gt;.sig, .att, .sbom) are then artifacts of their own, synced only with --type all.</source>
        <translation>Do not copy them with it: their cosign tags (sha256-&lt;hex&gt;.sig, .att, .sbom) are then artifacts of their own, synced only with --type all.</translation>
    </message>
    <message>
        <source>--with-referrers and --no-referrers contradict each other.</source>
        <translation>--with-referrers and --no-referrers contradict each other.</translation>
    </message>
</context>
<context>
    <name>crsync::cli::SyncCommands</name>
    <message>
        <source>&quot;%1&quot; is not a task ID; &quot;crsync log&quot; lists them.</source>
        <translation>&quot;%1&quot; is not a task ID; &quot;crsync log&quot; lists them.</translation>
    </message>
    <message>
        <source>%1/%2 artifacts, %3 (%4/s), %5</source>
        <translation>%1/%2 artifacts, %3 (%4/s), %5</translation>
    </message>
    <message>
        <source>Sync a rule now: &quot;crsync sync NAME [--wait]&quot; prints the task ID; --wait stays until the task ends and exits 0 only when it succeeded.</source>
        <translation>Sync a rule now: &quot;crsync sync NAME [--wait]&quot; prints the task ID; --wait stays until the task ends and exits 0 only when it succeeded.</translation>
    </message>
    <message>
        <source>Start a task for the rule NAME and print its ID (&quot;crsync sync NAME&quot;).</source>
        <translation>Start a task for the rule NAME and print its ID (&quot;crsync sync NAME&quot;).</translation>
    </message>
    <message>
        <source>Stay until the task ends; exit 0 only when it succeeded.</source>
        <translation>Stay until the task ends; exit 0 only when it succeeded.</translation>
    </message>
    <message>
        <source>With --wait: no progress line, only the ID and the summary.</source>
        <translation>With --wait: no progress line, only the ID and the summary.</translation>
    </message>
    <message>
        <source>Cancel a running sync task: &quot;crsync cancel TASK_ID&quot;.</source>
        <translation>Cancel a running sync task: &quot;crsync cancel TASK_ID&quot;.</translation>
    </message>
    <message>
        <source>Stop the task TASK_ID within seconds (&quot;crsync cancel TASK_ID&quot;).</source>
        <translation>Stop the task TASK_ID within seconds (&quot;crsync cancel TASK_ID&quot;).</translation>
    </message>
    <message>
        <source>Works on a task run by any crsync process of the same data dir. Waits until the task has stopped and prints its final status; exits 2 when the task is not running.</source>
        <translation>Works on a task run by any crsync process of the same data dir. Waits until the task has stopped and prints its final status; exits 2 when the task is not running.</translation>
    </message>
    <message>
        <source>Rule %1 is disabled; enable it before syncing it.</source>
        <translation>Rule %1 is disabled; enable it before syncing it.</translation>
    </message>
    <message>
        <source>Could not start a background crsync for the task: %1. Run &quot;crsync sync %2 --wait&quot; instead.</source>
        <translation>Could not start a background crsync for the task: %1. Run &quot;crsync sync %2 --wait&quot; instead.</translation>
    </message>
    <message>
        <source>The background crsync stopped before it started the task.</source>
        <translation>The background crsync stopped before it started the task.</translation>
    </message>
    <message>
        <source>... more failures: crsync log show %1</source>
        <translation>... more failures: crsync log show %1</translation>
    </message>
    <message>
        <source>Task %1 %2.</source>
        <translation>Task %1 %2.</translation>
    </message>
    <message>
        <source>Task %1 was asked to cancel but has not stopped within a minute.</source>
        <translation>Task %1 was asked to cancel but has not stopped within a minute.</translation>
    </message>
    <message>
        <source>Without --wait the task runs on in a background crsync process and the command returns at once; follow it with &quot;crsync log show TASK_ID&quot; and stop it with &quot;crsync cancel TASK_ID&quot;. With --wait the command stays until the task ends, shows its progress on a terminal, and exits 0 when it Succeeded, 1 otherwise, 3 when a registry or the keychain could not be reached at all (Ctrl+C cancels the task). A rule that is already syncing, or disabled, is refused with status 2.</source>
        <translation>Without --wait the task runs on in a background crsync process and the command returns at once; follow it with &quot;crsync log show TASK_ID&quot; and stop it with &quot;crsync cancel TASK_ID&quot;. With --wait the command stays until the task ends, shows its progress on a terminal, and exits 0 when it Succeeded, 1 otherwise, 3 when a registry or the keychain could not be reached at all (Ctrl+C cancels the task). A rule that is already syncing, or disabled, is refused with status 2.</translation>
    </message>
    <message>
        <source>Task %1 %2: %3 in %4: %5 copied, %6 skipped, %7 failed; %8 moved in %9.</source>
        <translation>Task %1 %2: %3 in %4: %5 copied, %6 skipped, %7 failed; %8 moved in %9.</translation>
    </message>
    <message numerus="yes">
        <source>%n artifact(s)</source>
        <translation>
            <numerusform>%n artifact</numerusform>
            <numerusform>%n artifacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
</context>
<context>
    <name>crsync::protocol</name>
    <message>
        <source>The registry sent a malformed WWW-Authenticate challenge (%1): %2</source>
        <translation>The registry sent a malformed WWW-Authenticate challenge (%1): %2</translation>
    </message>
    <message>
        <source>unexpected character at position %1</source>
        <translation>unexpected character at position %1</translation>
    </message>
    <message>
        <source>a parameter comes before any scheme</source>
        <translation>a parameter comes before any scheme</translation>
    </message>
    <message>
        <source>a quoted value is not closed</source>
        <translation>a quoted value is not closed</translation>
    </message>
    <message>
        <source>the parameter %1 has no value</source>
        <translation>the parameter %1 has no value</translation>
    </message>
    <message>
        <source>expected a comma at position %1</source>
        <translation>expected a comma at position %1</translation>
    </message>
    <message>
        <source>no scheme</source>
        <translation>no scheme</translation>
    </message>
</context>
</TS>
