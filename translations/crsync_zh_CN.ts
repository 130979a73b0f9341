<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
</context>
<context>
    <name>crsync::ArtifactJob</name>
    <message>
        <source>The index %1 of %2 nests deeper than crsync follows.</source>
        <translation>%2 的 index %1 嵌套层级超出了 crsync 支持的深度。</translation>
    </message>
    <message>
        <source>The target stored manifest %1 of %2 under digest %3; the registry rewrote it.</source>
        <translation>目标实例将 %2 的 manifest %1 存储在 digest %3 下；镜像服务改写了它。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
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
        <translation>任务已取消。</translation>
    </message>
    <message>
        <source>The manifests of %1:%2 were not read.</source>
        <translation>未读取 %1:%2 的 manifest。</translation>
    </message>
    <message>
        <source>referrers of %1</source>
        <translation>%1 的引用制品</translation>
    </message>
    <message>
        <source>referrer %1</source>
        <translation>引用制品 %1</translation>
    </message>
    <message>
        <source>%1:%2 at the target differs from the source and the rule does not overwrite; left as it is.</source>
        <translation>目标端的 %1:%2 与源端不同，且规则未开启镜像覆盖；保持原样。</translation>
    </message>
</context>
<context>
    <name>crsync::AuthSession</name>
    <message>
        <source>The registry %1 asked for a login in a way crsync cannot read. %2</source>
        <translation>镜像服务 %1 要求登录，但其方式 crsync 无法识别。%2</translation>
    </message>
    <message>
        <source>The registry %1 sent a Bearer challenge without a usable realm (token service URL): %2</source>
        <translation>镜像服务 %1 发送的 Bearer 质询中没有可用的 realm（令牌服务 URL）：%2</translation>
    </message>
    <message>
        <source>The registry %1 asks for an authentication scheme crsync does not support: %2</source>
        <translation>镜像服务 %1 要求的认证方式 crsync 不支持：%2</translation>
    </message>
    <message>
        <source>Getting an access token for %1 from %2</source>
        <translation>从 %2 获取 %1 的访问令牌</translation>
    </message>
    <message>
        <source>the registry</source>
        <translation>该镜像服务</translation>
    </message>
    <message>
        <source>The registry %1 requires a login: its token service refused anonymous access. Set a username and password for it.</source>
        <translation>镜像服务 %1 需要登录：其令牌服务拒绝匿名访问。请为它设置用户名和密码。</translation>
    </message>
    <message>
        <source>The registry %1 refused the credentials for user %2. Check the username and password.</source>
        <translation>镜像服务 %1 拒绝了用户 %2 的凭证。请检查用户名和密码。</translation>
    </message>
    <message>
        <source>The token service of the registry %1 answered without a token.</source>
        <translation>镜像服务 %1 的令牌服务未返回令牌。</translation>
    </message>
    <message>
        <source>The registry %1 names %2 as its token service, plain HTTP on another host: crsync will not send the password over plain HTTP to another host. Use a token service over HTTPS for this registry, or allow plain HTTP for this instance if the network between them is trusted.</source>
        <translation>镜像服务 %1 指定的令牌服务 %2 位于另一台主机且使用明文 HTTP：crsync 不会通过明文 HTTP 把密码发送到另一台主机。请为该镜像服务使用 HTTPS 令牌服务；如果两者之间的网络可信，也可以为该实例允许明文 HTTP。</translation>
    </message>
</context>
<context>
    <name>crsync::Automation</name>
    <message>
        <source>the webhook secret</source>
        <translation>Webhook 密钥</translation>
    </message>
    <message>
        <source>Automatic sync for %1 already runs in process %2 on %3; only one process may run it per data dir. Stop that one first.</source>
        <translation>%1 的自动同步已在 %3 上的进程 %2 中运行；每个数据目录同时只能有一个进程运行自动同步。请先停止该进程。</translation>
    </message>
    <message>
        <source>listening for webhooks on %1</source>
        <translation>正在 %1 上监听 Webhook</translation>
    </message>
    <message>
        <source>The listen address is HOST:PORT with HOST an IP address, e.g. 127.0.0.1:8765 (&quot;%1&quot; is not).</source>
        <translation>监听地址的格式为 HOST:PORT，HOST 为 IP 地址，例如 127.0.0.1:8765（&quot;%1&quot; 不是）。</translation>
    </message>
    <message>
        <source>TLS needs both a certificate file and its key file.</source>
        <translation>TLS 需要同时提供证书文件和其私钥文件。</translation>
    </message>
    <message>
        <source>Listening on %1 reaches beyond this machine: give a TLS certificate and key (--tls-cert, --tls-key) so that the webhook secret never crosses the network in clear, or listen on 127.0.0.1 behind a reverse proxy.</source>
        <translation>在 %1 上监听会被本机以外访问：请提供 TLS 证书和私钥（--tls-cert、--tls-key），使 Webhook 密钥不会以明文经过网络；或监听 127.0.0.1 并置于反向代理之后。</translation>
    </message>
</context>
<context>
    <name>crsync::BlobCopyJob</name>
    <message>
        <source>Copying the blob %1 from %2 on %3 to %4</source>
        <translation>将 blob %1 从 %3 上的 %2 复制到 %4</translation>
    </message>
    <message>
        <source>%1 on the registry %2 is not possible: the blob&apos;s digest or size is not valid.</source>
        <translation>无法在镜像服务 %2 上%1：blob 的 digest 或大小无效。</translation>
    </message>
    <message>
        <source>%1 failed: the source sent %2 bytes, the manifest says %3.</source>
        <translation>%1失败：源端发送了 %2 字节，而 manifest 中为 %3 字节。</translation>
    </message>
    <message>
        <source>The blob copied from the repository %1 on %2 does not match its digest: expected %3, the bytes hash to %4. Nothing was committed to %5 on %6.</source>
        <translation>从 %2 上的仓库 %1 复制的 blob 与其 digest 不符：应为 %3，实际内容的哈希为 %4。未向 %6 上的 %5 提交任何内容。</translation>
    </message>
    <message>
        <source>Mounting the blob %1 from %2 into %3</source>
        <translation>将 blob %1 从 %2 挂载到 %3</translation>
    </message>
</context>
<context>
    <name>crsync::BlobSourceReader</name>
    <message>
        <source>Reading the blob %1 from %2</source>
        <translation>从 %2 读取 blob %1</translation>
    </message>
    <message>
        <source>%1 failed: the source has %2 bytes, the manifest says %3. Nothing was committed at %4.</source>
        <translation>%1失败：源端有 %2 字节，而 manifest 中为 %3 字节。未在 %4 提交任何内容。</translation>
    </message>
    <message>
        <source>%1 failed: the source sent more bytes than the manifest says (%2). Nothing was committed at %3.</source>
        <translation>%1失败：源端发送的字节数超过了 manifest 中的大小（%2）。未在 %3 提交任何内容。</translation>
    </message>
    <message>
        <source>%1 failed: the source stopped after %2 of %3 bytes.</source>
        <translation>%1失败：源端在 %3 字节中的第 %2 字节处中断。</translation>
    </message>
</context>
<context>
    <name>crsync::ChunkUploader</name>
    <message>
        <source>The registry %1 started an upload to %2 without saying where to send it (no Location header).</source>
        <translation>镜像服务 %1 开始了到 %2 的上传，但没有告知上传地址（缺少 Location 头）。</translation>
    </message>
    <message>
        <source>%1: the registry %2 holds %3 bytes after a chunk that should end at %4.</source>
        <translation>%1：在一个应结束于 %4 的分块之后，镜像服务 %2 上有 %3 字节。</translation>
    </message>
</context>
<context>
    <name>crsync::ChunkedUploadJob</name>
    <message>
        <source>The registry %1 started an upload to %2 without saying where to send it (no Location header).</source>
        <translation>镜像服务 %1 开始了到 %2 的上传，但没有告知上传地址（缺少 Location 头）。</translation>
    </message>
</context>
<context>
    <name>crsync::ConnectionReportView</name>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>正在测试与 %1 的连接…</translation>
    </message>
    <message>
        <source>Reachable; login not tested (no password)</source>
        <translation>可连接；未测试登录（没有密码）</translation>
    </message>
    <message numerus="yes">
        <source>OK, %n repository(s) visible</source>
        <translation>
            <numerusform>正常，可见 %n 个仓库</numerusform>
        </translation>
    </message>
    <message>
        <source>OK (the catalog is not open to this user)</source>
        <translation>正常（该用户无权查看仓库目录）</translation>
    </message>
    <message>
        <source>Failed: the certificate did not verify</source>
        <translation>失败：证书校验未通过</translation>
    </message>
    <message>
        <source>Failed: not reachable</source>
        <translation>失败：无法连接</translation>
    </message>
    <message>
        <source>Failed: no password in the keychain</source>
        <translation>失败：钥匙串中没有密码</translation>
    </message>
    <message>
        <source>Failed: login refused</source>
        <translation>失败：登录被拒绝</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Reachable: the registry answered at %1 (HTTP %2).</source>
        <translation>可连接：镜像服务在 %1 作出了响应（HTTP %2）。</translation>
    </message>
    <message>
        <source>Login accepted for user %1.</source>
        <translation>用户 %1 登录成功。</translation>
    </message>
    <message>
        <source>Login refused for user %1.</source>
        <translation>用户 %1 登录被拒绝。</translation>
    </message>
    <message>
        <source>Login not tested: type the password of user %1.</source>
        <translation>未测试登录：请输入用户 %1 的密码。</translation>
    </message>
    <message>
        <source>No login needed.</source>
        <translation>无需登录。</translation>
    </message>
    <message>
        <source>Anonymous access (no username).</source>
        <translation>匿名访问（未填写用户名）。</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s) visible.</source>
        <translation>
            <numerusform>可见 %n 个仓库。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not reachable.</source>
        <translation>无法连接。</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>处理建议：</translation>
    </message>
    <message>
        <source>Test connection checks that the registry answers, that it accepts the login, and which repositories it shows.</source>
        <translation>测试连接会检查镜像服务是否应答、是否接受登录，以及能看到哪些仓库。</translation>
    </message>
    <message>
        <source>Failed: password withheld from a plain-HTTP token service</source>
        <translation>失败：未向明文 HTTP 令牌服务发送密码</translation>
    </message>
    <message>
        <source>Login not tried: the password of user %1 is not sent to a token service over plain HTTP on another host.</source>
        <translation>未尝试登录：用户 %1 的密码不会通过明文 HTTP 发送到另一台主机上的令牌服务。</translation>
    </message>
    <message>
        <source>The catalog is not open to this user (normal for Harbor and TCR): rules on this source sync the repositories their filter names, as in web|api|worker.</source>
        <translation>此用户无权列出仓库目录（Harbor 和 TCR 通常如此）：以此实例为源的规则会同步其仓库过滤条件中列出的仓库，例如 web|api|worker。</translation>
    </message>
</context>
<context>
    <name>crsync::ConnectionTest</name>
    <message>
        <source>The registry&apos;s certificate did not verify: give the certificate of the authority that signed it as the CA file, or check that the URL names the right host.</source>
        <translation>镜像服务的证书校验未通过：请将签发该证书的证书颁发机构的证书指定为 CA 文件，或检查 URL 中的主机是否正确。</translation>
    </message>
    <message>
        <source>The registry did not answer: check the URL and port, that the registry runs, and that no firewall or proxy is in the way.</source>
        <translation>镜像服务没有响应：请检查 URL 和端口，确认镜像服务正在运行，且没有防火墙或代理阻断连接。</translation>
    </message>
    <message>
        <source>The keychain has no password for this instance: type it in the instance&apos;s form (or &quot;crsync instance edit NAME --password-stdin&quot;).</source>
        <translation>钥匙串中没有该实例的密码：请在实例表单中输入密码（或使用“crsync instance edit NAME --password-stdin”）。</translation>
    </message>
    <message>
        <source>The registry wants a login: give a username and its password.</source>
        <translation>该镜像服务需要登录：请填写用户名及其密码。</translation>
    </message>
    <message>
        <source>The registry refused the username or password: check both, and that the account may log in to the registry.</source>
        <translation>镜像服务拒绝了用户名或密码：请检查两者，并确认该账号有权登录该镜像服务。</translation>
    </message>
    <message>
        <source>The keychain could not be read: unlock or start it, then test again.</source>
        <translation>无法读取钥匙串：请解锁或启动钥匙串，然后重新测试。</translation>
    </message>
    <message>
        <source>The registry answered something crsync did not expect: check that the URL is the registry&apos;s own (not its web console).</source>
        <translation>镜像服务返回了 crsync 无法识别的内容：请确认 URL 是镜像服务本身的地址（而不是其 Web 控制台）。</translation>
    </message>
    <message>
        <source>the password of instance &quot;%1&quot;</source>
        <translation>实例“%1”的密码</translation>
    </message>
    <message>
        <source>The registry sends logins to a token service over plain HTTP on another host, and crsync does not send the password there: have the registry use an HTTPS token service, or, on a network you trust, allow plain HTTP for this instance.</source>
        <translation>该镜像服务把登录交给另一台主机上使用明文 HTTP 的令牌服务，crsync 不会把密码发送到那里：请让镜像服务使用 HTTPS 令牌服务；或者在可信的网络中，为该实例允许明文 HTTP。</translation>
    </message>
</context>
<context>
    <name>crsync::CredentialStore</name>
    <message>
        <source>No keychain is available to %1 %2: crsync keeps passwords only in a Secret Service keychain, and none answered on the D-Bus session bus (%3). Install and start gnome-keyring or KWallet, or run crsync inside a desktop session; on a headless machine start a session bus with an unlocked keyring (for example dbus-run-session with gnome-keyring-daemon --unlock). Nothing was stored in plain text.</source>
        <translation>没有可用的钥匙串来%1%2：crsync 只把密码保存在 Secret Service 钥匙串中，而 D-Bus 会话总线上没有任何钥匙串响应（%3）。请安装并启动 gnome-keyring 或 KWallet，或在桌面会话中运行 crsync；在无图形界面的机器上，请启动一个带有已解锁密钥环的会话总线（例如 dbus-run-session 配合 gnome-keyring-daemon --unlock）。未以明文保存任何内容。</translation>
    </message>
    <message>
        <source>The keychain could not %1 %2: it has no unlocked keyring (%3). Unlock the default keyring (log in to the desktop session, or start gnome-keyring-daemon with --unlock on a headless machine) and try again. Nothing was stored in plain text.</source>
        <translation>钥匙串无法%1%2：没有已解锁的密钥环（%3）。请解锁默认密钥环（登录桌面会话，或在无图形界面的机器上用 --unlock 启动 gnome-keyring-daemon），然后重试。未以明文保存任何内容。</translation>
    </message>
    <message>
        <source>The keychain (service &quot;%1&quot;) does not hold %2.</source>
        <translation>钥匙串（服务“%1”）中没有%2。</translation>
    </message>
    <message>
        <source>The keychain refused to %1 %2 (%3). Unlock the keyring (log in to the desktop session or unlock it in your keyring manager) and try again.</source>
        <translation>钥匙串拒绝%1%2（%3）。请解锁密钥环（登录桌面会话，或在密钥环管理器中解锁），然后重试。</translation>
    </message>
    <message>
        <source>The keychain could not %1 %2: %3</source>
        <translation>钥匙串无法%1%2：%3</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>store</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>crsync::DiscardChanges</name>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>crsync::EndpointResolver</name>
    <message>
        <source>the password of instance &quot;%1&quot; (user %2)</source>
        <translation>实例“%1”（用户 %2）的密码</translation>
    </message>
    <message>
        <source>Store it again with &quot;crsync instance edit %1 --password-stdin&quot; or in the instance&apos;s form in the console.</source>
        <translation>请用“crsync instance edit %1 --password-stdin”或在控制台的实例表单中重新保存密码。</translation>
    </message>
    <message>
        <source>the password of user %1 at the cross-account target %2</source>
        <translation>跨主账号目标 %2 上用户 %1 的密码</translation>
    </message>
    <message>
        <source>Store it again with &quot;crsync rule edit %1 --target-password-stdin&quot; or in the rule&apos;s form in the console.</source>
        <translation>请用“crsync rule edit %1 --target-password-stdin”或在控制台的规则表单中重新保存密码。</translation>
    </message>
    <message>
        <source>Could not read %1 from the keychain: %2 %3</source>
        <translation>无法从钥匙串读取%1：%2 %3</translation>
    </message>
</context>
<context>
    <name>crsync::Engine</name>
    <message>
        <source>Rule %1 is disabled; enable it before syncing it.</source>
        <translation>同步规则 %1 已关闭；请先启用再同步。</translation>
    </message>
    <message>
        <source>Rule %1 has a filter that is not a valid regular expression; edit the rule.</source>
        <translation>同步规则 %1 的过滤条件不是有效的正则表达式；请修改该规则的配置。</translation>
    </message>
    <message>
        <source>crsync stopped while the task ran. Sync the rule again to complete it.</source>
        <translation>crsync 在任务运行期间停止了。请再次触发同步以完成该任务。</translation>
    </message>
    <message>
        <source>No artifact was named for rule %1.</source>
        <translation>未为同步规则 %1 指定任何制品。</translation>
    </message>
    <message>
        <source>The task was canceled.</source>
        <translation>任务已取消。</translation>
    </message>
    <message>
        <source>crsync is shutting down; rule %1 was not synced.</source>
        <translation>crsync 正在退出；同步规则 %1 未同步。</translation>
    </message>
    <message>
        <source>A filter of the rule is not a valid regular expression; nothing was previewed.</source>
        <translation>该规则的过滤条件不是有效的正则表达式；未生成预览。</translation>
    </message>
    <message>
        <source>The preview was stopped.</source>
        <translation>预览已停止。</translation>
    </message>
</context>
<context>
    <name>crsync::EventQueue</name>
    <message numerus="yes">
        <source>%n push event(s) of an earlier run wait again.</source>
        <translation>
            <numerusform>上次运行留下的 %n 个推送事件重新等待同步。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n push event(s) of rule %1 dropped: %2</source>
        <translation>
            <numerusform>规则 %1 的 %n 个推送事件已丢弃：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>task %1 started for %n push event(s) (%2 artifact(s)) of rule %3</source>
        <translation>
            <numerusform>已为规则 %3 的 %n 个推送事件（%2 个制品）启动任务 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The task did not reach %1:%2 (it may be gone from the source, or not of the rule&apos;s resource type).</source>
        <translation>任务未处理到 %1:%2（它可能已从源端删除，或不属于规则的资源类型）。</translation>
    </message>
    <message>
        <source>The task ended %1.</source>
        <translation>任务结束：%1。</translation>
    </message>
    <message numerus="yes">
        <source>push %1:%2 (event %3) given up after %n attempt(s): %4</source>
        <translation>
            <numerusform>推送 %1:%2（事件 %3）在 %n 次尝试后放弃：%4</numerusform>
        </translation>
    </message>
    <message>
        <source>push %1:%2 (event %3) not synced by task %4, retried in %5 s: %6</source>
        <translation>推送 %1:%2（事件 %3）未被任务 %4 同步，将在 %5 秒后重试：%6</translation>
    </message>
    <message>
        <source>task %1 ended %2: %3 push event(s) synced, %4 to retry, %5 failed, %6 waiting for the next start</source>
        <translation>任务 %1 结束（%2）：%3 个推送事件已同步，%4 个待重试，%5 个失败，%6 个等待下次启动</translation>
    </message>
</context>
<context>
    <name>crsync::HarborProjectJob</name>
    <message>
        <source>Looking for the Harbor project %1</source>
        <translation>查找 Harbor 项目 %1</translation>
    </message>
    <message>
        <source>Creating the Harbor project %1</source>
        <translation>创建 Harbor 项目 %1</translation>
    </message>
</context>
<context>
    <name>crsync::HarborRepositoriesJob</name>
    <message>
        <source>Listing the repositories of the Harbor project %1</source>
        <translation>列出 Harbor 项目 %1 的仓库</translation>
    </message>
    <message>
        <source>%1 on the registry %2 failed: the answer is not a JSON list (%3). Is this instance&apos;s flavor right?</source>
        <translation>在镜像服务 %2 上%1失败：返回内容不是 JSON 列表（%3）。此实例的类型是否正确？</translation>
    </message>
</context>
<context>
    <name>crsync::InstanceDialog</name>
    <message>
        <source>Edit instance %1</source>
        <translation>编辑实例 %1</translation>
    </message>
    <message>
        <source>Add instance</source>
        <translation>添加实例</translation>
    </message>
    <message>
        <source>e.g. gz-prod</source>
        <translation>例如 gz-prod</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>Generic (OCI distribution)</source>
        <translation>通用（OCI distribution）</translation>
    </message>
    <message>
        <source>TCR (Tencent Container Registry)</source>
        <translation>TCR（腾讯云容器镜像服务）</translation>
    </message>
    <message>
        <source>&amp;Flavor:</source>
        <translation>实例类型(&amp;F)：</translation>
    </message>
    <message>
        <source>instances sharing it are the same account</source>
        <translation>账号 ID 相同的实例属于同一主账号</translation>
    </message>
    <message>
        <source>A&amp;ccount ID:</source>
        <translation>账号 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. ap-guangzhou</source>
        <translation>例如 ap-guangzhou</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <source>empty for anonymous access</source>
        <translation>留空表示匿名访问</translation>
    </message>
    <message>
        <source>U&amp;sername:</source>
        <translation>用户名(&amp;S)：</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain); type to replace</source>
        <translation>未修改（已保存在钥匙串中）；输入新密码即可替换</translation>
    </message>
    <message>
        <source>stored in the keychain, never shown again</source>
        <translation>保存在钥匙串中，不会再次显示</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>optional: the PEM certificate of a private CA</source>
        <translation>可选：私有 CA 的 PEM 证书</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Browse for the CA file</source>
        <translation>选择 CA 文件</translation>
    </message>
    <message>
        <source>S&amp;kip TLS certificate verification</source>
        <translation>跳过 TLS 证书校验(&amp;K)</translation>
    </message>
    <message>
        <source>Anyone on the network path can impersonate this registry and read its password. Give the CA file instead when you can.</source>
        <translation>网络路径上的任何人都可以冒充该镜像服务并读取其密码。如有可能，请改为指定 CA 文件。</translation>
    </message>
    <message>
        <source>Allow plain &amp;HTTP (unencrypted)</source>
        <translation>允许明文 HTTP（不加密）(&amp;H)</translation>
    </message>
    <message>
        <source>Plain HTTP sends the password and every image unencrypted. Use it only on a network you trust.</source>
        <translation>明文 HTTP 会以不加密的方式发送密码和所有镜像。请仅在可信的网络中使用。</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Discard the changes to this instance?</source>
        <translation>放弃对该实例的修改？</translation>
    </message>
    <message>
        <source>CA f&amp;ile:</source>
        <translation>CA 文件(&amp;I)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>For a registry that cannot send push events: while automatic sync runs, the enabled rules of this source look for new or changed tags this often (at least 10 s).</source>
        <translation>用于无法发送推送事件的仓库：自动同步运行时，以此实例为源的已启用规则按此间隔检查新增或变更的 Tag（至少 10 秒）。</translation>
    </message>
    <message>
        <source>P&amp;oll every:</source>
        <translation>轮询间隔(&amp;O)：</translation>
    </message>
    <message>
        <source>Poll at least every 10 s, or turn polling off with 0.</source>
        <translation>轮询间隔至少 10 秒；设为 0 则关闭轮询。</translation>
    </message>
</context>
<context>
    <name>crsync::InstanceService</name>
    <message>
        <source>the password of instance &quot;%1&quot;</source>
        <translation>实例“%1”的密码</translation>
    </message>
    <message>
        <source>There is no instance named &quot;%1&quot; (&quot;crsync instance list&quot; or the Instances page shows the instances there are).</source>
        <translation>不存在名为“%1”的实例（可用“crsync instance list”或在“实例”页面查看现有实例）。</translation>
    </message>
    <message>
        <source>A password needs a username: whose password is it?</source>
        <translation>填写密码时需要同时填写用户名：这是哪个用户的密码？</translation>
    </message>
    <message>
        <source>User %1 needs a password.</source>
        <translation>用户 %1 需要密码。</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; is used by rule(s) %2; delete those rules or point them at another instance first. Nothing was removed.</source>
        <translation>实例“%1”正被同步规则 %2 使用；请先删除这些规则，或将它们改为使用其他实例。未删除任何内容。</translation>
    </message>
</context>
<context>
    <name>crsync::InstanceTableModel</name>
    <message>
        <source>None (plain HTTP)</source>
        <translation>无（明文 HTTP）</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>不校验</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>Verified (own CA)</source>
        <translation>已校验（自有 CA）</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>（匿名）</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>尚未测试</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Flavor</source>
        <translation>实例类型</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>上次测试</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>通用</translation>
    </message>
</context>
<context>
    <name>crsync::InstancesPage</name>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>&amp;Add instance…</source>
        <translation>添加实例(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Filter instances</source>
        <translation>筛选实例</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>连接测试</translation>
    </message>
    <message>
        <source>Remove instance</source>
        <translation>删除实例</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; is used by the rule(s) %2. Delete those rules or point them at another instance first; nothing was removed.</source>
        <translation>实例“%1”正被同步规则 %2 使用。请先删除这些规则，或将它们改为使用其他实例；未删除任何内容。</translation>
    </message>
    <message>
        <source>Remove instance &quot;%1&quot;?</source>
        <translation>删除实例“%1”？</translation>
    </message>
    <message>
        <source>Remove instance &quot;%1&quot;? Its password leaves the keychain.</source>
        <translation>删除实例“%1”？其密码将从钥匙串中删除。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>crsync::LogsPage</name>
    <message>
        <source>Sync logs</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Task ID, rule or message</source>
        <translation>任务ID、规则或消息</translation>
    </message>
    <message>
        <source>Filter tasks</source>
        <translation>筛选任务</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>规则(&amp;U)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Cancel task…</source>
        <translation>取消任务(&amp;C)…</translation>
    </message>
    <message>
        <source>Stop the selected running tasks (Ctrl+K)</source>
        <translation>停止所选的运行中任务（Ctrl+K）</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>重试失败项(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Sync tasks</source>
        <translation>同步任务</translation>
    </message>
    <message>
        <source>&amp;Failures only</source>
        <translation>仅显示失败(&amp;F)</translation>
    </message>
    <message>
        <source>Repository, tag, digest or error</source>
        <translation>仓库、Tag、摘要或错误</translation>
    </message>
    <message>
        <source>Filter artifacts</source>
        <translation>筛选制品</translation>
    </message>
    <message>
        <source>Artifacts of the task</source>
        <translation>任务的制品</translation>
    </message>
    <message>
        <source>Error of the selected artifact</source>
        <translation>所选制品的错误</translation>
    </message>
    <message>
        <source>The full error of the selected artifact shows here.</source>
        <translation>所选制品的完整错误信息显示在这里。</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>No tasks match. A sync started from the Rules page, the command line or a schedule shows up here.</source>
        <translation>没有匹配的任务。从同步规则页面、命令行或定时计划启动的同步会显示在这里。</translation>
    </message>
    <message>
        <source>Select a task to see its artifacts.</source>
        <translation>选择一个任务以查看其制品。</translation>
    </message>
    <message>
        <source>Cancel tasks</source>
        <translation>取消任务</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n running task(s) (%1)? What already arrived stays; syncing again completes the job.</source>
        <translation>
            <numerusform>停止 %n 个运行中的任务（%1）？已同步的内容会保留；再次同步即可完成剩余部分。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop them</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n task(s); each ends Canceled in a moment.</source>
        <translation>
            <numerusform>正在停止 %n 个任务；稍后它们将变为已取消。</numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1 retries the failed artifacts of task %2.</source>
        <translation>任务 %1 正在重试任务 %2 中失败的制品。</translation>
    </message>
    <message>
        <source>Export the artifacts</source>
        <translation>导出制品</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n artifact(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个制品写入 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Task %1 of rule %2, %3: %4 → %5. %6 of %n artifact(s) copied or up to date, %7 failed.</source>
        <translation>
            <numerusform>规则 %2 的任务 %1（%3）：%4 → %5。%n 个制品中 %6 个已复制或已是最新，%7 个失败。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Task %1 of rule %2, %3: %4 → %5. Running: %6 of %n artifact(s) done so far, %7 failed.</source>
        <translation>
            <numerusform>规则 %2 的任务 %1（%3）：%4 → %5。正在同步：%n 个制品中已完成 %6 个，%7 个失败。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::MainWindow</name>
    <message>
        <source>crsync — registry replication</source>
        <translation>crsync — 实例同步</translation>
    </message>
    <message>
        <source>crsync</source>
        <translation>crsync</translation>
    </message>
    <message>
        <source>crsync cannot open its data in %1.

%2</source>
        <translation>crsync 无法打开 %1 中的数据。

%2</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>同步规则</translation>
    </message>
    <message>
        <source>Sync logs</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message numerus="yes">
        <source>%n password(s) moved to this data dir&apos;s keychain entries.</source>
        <translation>
            <numerusform>已将 %n 个密码移至该数据目录的钥匙串条目。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>新建规则(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Trigger sync</source>
        <translation>触发同步(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>配置(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;lone</source>
        <translation>克隆(&amp;L)</translation>
    </message>
    <message>
        <source>View &amp;logs</source>
        <translation>查看同步日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Rule</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About crsync</source>
        <translation>关于 crsync(&amp;A)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;New instance…</source>
        <translation>新建实例(&amp;N)…</translation>
    </message>
    <message>
        <source>About crsync</source>
        <translation>关于 crsync</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;crsync %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Replicates container images and Helm charts between registry instances.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;crsync %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;在镜像服务实例之间同步容器镜像及 Helm Chart。&lt;/p&gt;&lt;p&gt;数据目录：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Syncs are running</source>
        <translation>同步正在进行</translation>
    </message>
    <message numerus="yes">
        <source>%n sync task(s) are still running. Quitting cancels them; what already arrived stays, and syncing again completes the job.</source>
        <translation>
            <numerusform>仍有 %n 个同步任务正在运行。退出将取消这些任务；已传输的内容会保留，再次同步即可完成剩余部分。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel them and quit</source>
        <translation>取消任务并退出</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Sync of %1 failed</source>
        <translation>%1 同步失败</translation>
    </message>
    <message>
        <source>Sync of %1 partly failed</source>
        <translation>%1 同步部分失败</translation>
    </message>
    <message numerus="yes">
        <source>Task %1: %n artifact(s) failed. Click to see them.</source>
        <translation>
            <numerusform>任务 %1：%n 个制品失败。点击查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic sync: off</source>
        <translation>自动同步：关闭</translation>
    </message>
    <message>
        <source>New pushes are not synced by themselves; turn it on in File → Settings, or run &quot;crsync daemon&quot;.</source>
        <translation>新推送不会自动同步；可在“文件 → 设置”中开启，或运行 &quot;crsync daemon&quot;。</translation>
    </message>
    <message>
        <source>Automatic sync: starting…</source>
        <translation>自动同步：正在启动…</translation>
    </message>
    <message>
        <source>Automatic sync: not in this window</source>
        <translation>自动同步：未在此窗口中运行</translation>
    </message>
    <message>
        <source>Automatic sync: on</source>
        <translation>自动同步：开启</translation>
    </message>
    <message>
        <source>Registries post their pushes to %1 (File → Settings shows the secret and a configuration snippet).</source>
        <translation>镜像仓库将推送通知发送到 %1（“文件 → 设置”中可查看密钥和配置片段）。</translation>
    </message>
    <message>
        <source>Show crsync</source>
        <translation>显示 crsync</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>crsync keeps syncing</source>
        <translation>crsync 仍在同步</translation>
    </message>
    <message>
        <source>New pushes are still synced while the window is closed. Quit from this icon&apos;s menu.</source>
        <translation>窗口关闭后新推送仍会同步。可从此图标的菜单退出。</translation>
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
        <translation>manifest</translation>
    </message>
    <message>
        <source>The manifest %1</source>
        <translation>manifest %1</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2.</source>
        <translation>%1 无法使用：%2。</translation>
    </message>
    <message>
        <source>%1 is not a JSON object</source>
        <translation>%1 不是 JSON 对象</translation>
    </message>
    <message>
        <source>%1 has no valid digest (&quot;%2&quot;)</source>
        <translation>%1 没有有效的 digest（“%2”）</translation>
    </message>
    <message>
        <source>%1 has no valid size</source>
        <translation>%1 没有有效的大小</translation>
    </message>
    <message>
        <source>it is not JSON (%1 at offset %2)</source>
        <translation>它不是 JSON（偏移 %2 处：%1）</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>它不是 JSON 对象</translation>
    </message>
    <message>
        <source>Docker schema 1 manifests are not supported</source>
        <translation>不支持 Docker schema 1 格式的 manifest</translation>
    </message>
    <message>
        <source>its schemaVersion is not 2</source>
        <translation>它的 schemaVersion 不是 2</translation>
    </message>
    <message>
        <source>the index has no &quot;manifests&quot; list</source>
        <translation>该 index 没有“manifests”列表</translation>
    </message>
    <message>
        <source>entry %1 of &quot;manifests&quot;</source>
        <translation>“manifests”的第 %1 项</translation>
    </message>
    <message>
        <source>the config</source>
        <translation>config</translation>
    </message>
    <message>
        <source>it has no &quot;layers&quot; list</source>
        <translation>它没有“layers”列表</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
</context>
<context>
    <name>crsync::MessageBar</name>
    <message>
        <source>Close the message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>crsync::MonolithicUploadJob</name>
    <message>
        <source>The registry %1 started an upload to %2 without saying where to send it (no Location header).</source>
        <translation>镜像服务 %1 开始了到 %2 的上传，但没有告知上传地址（缺少 Location 头）。</translation>
    </message>
</context>
<context>
    <name>crsync::Names</name>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>InProgress</source>
        <translation>同步中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>PartiallySucceeded</source>
        <translation>部分成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>poll</source>
        <translation>轮询</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>定时</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>up-to-date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>exists-not-overwritten</source>
        <translation>已存在未覆盖</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>image</source>
        <translation>容器镜像</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>Helm Chart</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <source>%1 + %n signature(s)/SBOM(s)</source>
        <translation>
            <numerusform>%1 + %n 个签名/SBOM</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::NamespaceListing</name>
    <message>
        <source>the password of instance &quot;%1&quot;</source>
        <translation>实例“%1”的密码</translation>
    </message>
</context>
<context>
    <name>crsync::PagedListJob</name>
    <message>
        <source>%1 on the registry %2 failed: the answer is not a JSON object (%3).</source>
        <translation>在镜像服务 %2 上%1失败：返回内容不是 JSON 对象（%3）。</translation>
    </message>
    <message>
        <source>%1 on the registry %2 failed: &quot;%3&quot; is not a list.</source>
        <translation>在镜像服务 %2 上%1失败：“%3”不是列表。</translation>
    </message>
</context>
<context>
    <name>crsync::PollWatcher</name>
    <message>
        <source>poll of rule %1: %2</source>
        <translation>规则 %1 的轮询：%2</translation>
    </message>
    <message numerus="yes">
        <source>poll of rule %1: %n change(s) queued</source>
        <translation>
            <numerusform>规则 %1 的轮询：%n 处变化已加入队列</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::PreviewModel</name>
    <message>
        <source>Repository / tag</source>
        <translation>仓库 / 版本Tag</translation>
    </message>
    <message>
        <source>A sync would</source>
        <translation>同步时将</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>skip: up to date</source>
        <translation>跳过：已是最新</translation>
    </message>
    <message>
        <source>skip: exists, no overwrite</source>
        <translation>跳过：已存在，不覆盖</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>deciding…</source>
        <translation>判断中…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n tag(s))</source>
        <translation>
            <numerusform>%1（%n 个 Tag）</numerusform>
        </translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>crsync::PreviewPanel</name>
    <message>
        <source>Preview: what the filters match on the source now</source>
        <translation>预览：过滤条件当前在源实例上匹配到的内容</translation>
    </message>
    <message>
        <source>Preview progress</source>
        <translation>预览进度</translation>
    </message>
    <message>
        <source>Matching repositories and tags</source>
        <translation>匹配的仓库和版本</translation>
    </message>
    <message>
        <source>Looking again in a moment…</source>
        <translation>稍后重新查询…</translation>
    </message>
    <message>
        <source>Listing the source&apos;s repositories…</source>
        <translation>正在列出源实例的仓库…</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s) match the repository filter; reading their tags…</source>
        <translation>
            <numerusform>%n 个仓库符合仓库名称过滤条件；正在读取其 Tag…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with %2 that match.</source>
        <translation>匹配到 %1，共 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n 个仓库</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个 Tag</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of %m decided</source>
        <translation>已判断 %v / %m</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n to copy</source>
        <translation>
            <numerusform>%n 个待复制</numerusform>
        </translation>
    </message>
    <message>
        <source>(at most %1)</source>
        <translation>（最多 %1）</translation>
    </message>
    <message numerus="yes">
        <source>%n up to date</source>
        <translation>
            <numerusform>%n 个已是最新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing and not overwritten</source>
        <translation>
            <numerusform>%n 个已存在未覆盖</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be decided (see the list)</source>
        <translation>
            <numerusform>%n 个无法判断（见列表）</numerusform>
        </translation>
    </message>
    <message>
        <source>A sync now would: %1.</source>
        <translation>现在同步将：%1。</translation>
    </message>
    <message>
        <source>Nothing matches: the namespace has no repository with a tag that passes the filters and the resource type.</source>
        <translation>没有匹配项：该命名空间中没有任何仓库的 Tag 符合过滤条件和仓库类型。</translation>
    </message>
</context>
<context>
    <name>crsync::RegistryClient</name>
    <message>
        <source>The operation on the registry %1 was canceled.</source>
        <translation>在镜像服务 %1 上的操作已取消。</translation>
    </message>
    <message>
        <source>The CA file %1 given for the registry %2 cannot be read or holds no PEM certificate.</source>
        <translation>为镜像服务 %2 指定的 CA 文件 %1 无法读取，或其中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Checking the registry API</source>
        <translation>检查镜像服务 API</translation>
    </message>
    <message>
        <source>Listing the repositories</source>
        <translation>列出仓库</translation>
    </message>
    <message>
        <source>Listing the tags of the repository %1</source>
        <translation>列出仓库 %1 的 Tag</translation>
    </message>
    <message>
        <source>Reading the manifest %1</source>
        <translation>读取 manifest %1</translation>
    </message>
    <message>
        <source>The manifest %1 on the registry %2 is not a JSON document (%3); crsync cannot copy it.</source>
        <translation>镜像服务 %2 上的 manifest %1 不是 JSON 文档（%3）；crsync 无法复制它。</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>The manifest %1 read from the registry %2 does not match its digest: expected %3, got %4.</source>
        <translation>从镜像服务 %2 读取的 manifest %1 与其 digest 不符：应为 %3，实际为 %4。</translation>
    </message>
    <message>
        <source>Looking up the manifest %1</source>
        <translation>查询 manifest %1</translation>
    </message>
    <message>
        <source>The manifest for %1 does not match its digest (%2, its bytes hash to %3); it was not pushed to the registry %4.</source>
        <translation>%1 的 manifest 与其 digest 不符（%2，实际内容的哈希为 %3）；未推送到镜像服务 %4。</translation>
    </message>
    <message>
        <source>Pushing the manifest %1</source>
        <translation>推送 manifest %1</translation>
    </message>
    <message>
        <source>The registry %1 stored the manifest %2 under the digest %3 instead of %4.</source>
        <translation>镜像服务 %1 将 manifest %2 存储在 digest %3 下，而不是 %4。</translation>
    </message>
    <message>
        <source>Looking up the blob %1 in %2</source>
        <translation>在 %2 中查询 blob %1</translation>
    </message>
    <message>
        <source>Reading the blob %1 from %2</source>
        <translation>从 %2 读取 blob %1</translation>
    </message>
    <message>
        <source>The blob read from the repository %1 on the registry %2 does not match its digest: expected %3, got %4.</source>
        <translation>从镜像服务 %2 上的仓库 %1 读取的 blob 与其 digest 不符：应为 %3，实际为 %4。</translation>
    </message>
    <message>
        <source>The blob for the repository %1 on the registry %2 does not match its digest (expected %3, got %4); nothing was uploaded.</source>
        <translation>镜像服务 %2 上仓库 %1 的 blob 与其 digest 不符（应为 %3，实际为 %4）；未上传任何内容。</translation>
    </message>
    <message>
        <source>Starting a blob upload to %1</source>
        <translation>开始向 %1 上传 blob</translation>
    </message>
    <message>
        <source>Asking how far the blob upload to %1 got</source>
        <translation>查询向 %1 上传 blob 的进度</translation>
    </message>
    <message>
        <source>Uploading bytes %1-%2 of a blob to %3</source>
        <translation>向 %3 上传 blob 的第 %1-%2 字节</translation>
    </message>
    <message>
        <source>Committing the blob %1 in %2</source>
        <translation>在 %2 中提交 blob %1</translation>
    </message>
    <message>
        <source>Canceling a blob upload to %1</source>
        <translation>取消向 %1 上传 blob</translation>
    </message>
    <message>
        <source>Listing what refers to %1</source>
        <translation>列出引用 %1 的制品</translation>
    </message>
    <message>
        <source>The registry %1 answered the referrers of %2 with something other than an OCI index: %3</source>
        <translation>镜像服务 %1 对 %2 的引用制品查询返回的不是 OCI 索引：%3</translation>
    </message>
</context>
<context>
    <name>crsync::RegistryHealth</name>
    <message>
        <source>The task stopped trying: a registry stopped answering (%1 artifacts in a row failed without an answer, each after its retries). The last error: %2</source>
        <translation>任务已停止尝试：某个镜像服务不再响应（连续 %1 个制品在重试后仍未获得响应而失败）。最后一个错误：%2</translation>
    </message>
    <message>
        <source>The task stopped trying: a registry refused the credentials for %1 artifacts in a row. The last error: %2</source>
        <translation>任务已停止尝试：某个镜像服务连续对 %1 个制品拒绝了凭证。最后一个错误：%2</translation>
    </message>
    <message>
        <source>A registry did not answer for any artifact of the task. The last error: %1</source>
        <translation>对该任务的所有制品，某个镜像服务都没有响应。最后一个错误：%1</translation>
    </message>
    <message>
        <source>A registry refused the credentials for every artifact of the task. The last error: %1</source>
        <translation>对该任务的所有制品，某个镜像服务都拒绝了凭证。最后一个错误：%1</translation>
    </message>
</context>
<context>
    <name>crsync::RegistryRequest</name>
    <message>
        <source>the registry client is gone</source>
        <translation>镜像服务客户端已不存在</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>返回内容超过 %1 字节</translation>
    </message>
    <message>
        <source>%1 on the registry %2 failed: %3</source>
        <translation>在镜像服务 %2 上%1失败：%3</translation>
    </message>
    <message>
        <source>the TLS certificate of %1 did not verify (%2). If the registry uses a private certificate authority, give its certificate with the CA file option (--ca-file)</source>
        <translation>%1 的 TLS 证书校验失败（%2）。如果该镜像服务使用私有证书颁发机构，请通过 CA 文件选项（--ca-file）提供其证书</translation>
    </message>
    <message>
        <source>could not connect to %1 (connection refused). Check the URL and that the registry is running</source>
        <translation>无法连接到 %1（连接被拒绝）。请检查 URL，并确认镜像服务正在运行</translation>
    </message>
    <message>
        <source>the host %1 was not found. Check the URL</source>
        <translation>找不到主机 %1。请检查 URL</translation>
    </message>
    <message>
        <source>no data moved for %1 seconds (after %2 attempts)</source>
        <translation>%1 秒内没有数据传输（已尝试 %2 次）</translation>
    </message>
    <message>
        <source>%1 closed the connection (after %2 attempts)</source>
        <translation>%1 关闭了连接（已尝试 %2 次）</translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation>与 %1 通信时发生网络错误：%2</translation>
    </message>
    <message>
        <source>the registry requires a login. Set a username and password for it</source>
        <translation>该镜像服务需要登录。请为它设置用户名和密码</translation>
    </message>
    <message>
        <source>the registry refused the credentials for user %1. Check the username and password</source>
        <translation>该镜像服务拒绝了用户 %1 的凭证。请检查用户名和密码</translation>
    </message>
    <message>
        <source>access denied for anonymous users</source>
        <translation>拒绝匿名用户访问</translation>
    </message>
    <message>
        <source>access denied for user %1</source>
        <translation>拒绝用户 %1 访问</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>conflict (HTTP 409)</source>
        <translation>冲突（HTTP 409）</translation>
    </message>
    <message>
        <source>the registry answered HTTP %1 (gave up after %2 attempts)</source>
        <translation>镜像服务返回 HTTP %1（尝试 %2 次后放弃）</translation>
    </message>
    <message>
        <source>the registry answered HTTP %1</source>
        <translation>镜像服务返回 HTTP %1</translation>
    </message>
</context>
<context>
    <name>crsync::RuleDialog</name>
    <message>
        <source>Configure rule %1</source>
        <translation>配置同步规则 %1</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新建同步规则</translation>
    </message>
    <message>
        <source>lowercase letters, digits and - . _, e.g. prod-to-dr</source>
        <translation>小写字母、数字及 - . _，例如 prod-to-dr</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>optional; any language</source>
        <translation>可选；支持中文</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Sync source</source>
        <translation>同步源</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The source instance chosen on the Rules page.</source>
        <translation>在“同步规则”页面中选择的源实例。</translation>
    </message>
    <message>
        <source>Source instance:</source>
        <translation>源实例：</translation>
    </message>
    <message>
        <source>e.g. team/apps</source>
        <translation>例如 team/apps</translation>
    </message>
    <message>
        <source>Na&amp;mespace:</source>
        <translation>命名空间(&amp;M)：</translation>
    </message>
    <message>
        <source>regular expression; empty = every repository</source>
        <translation>正则表达式；为空 = 全部仓库</translation>
    </message>
    <message>
        <source>&amp;Repositories:</source>
        <translation>仓库名称(&amp;R)：</translation>
    </message>
    <message>
        <source>regular expression; empty = every tag</source>
        <translation>正则表达式；为空 = 全部版本</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>版本Tag(&amp;T)：</translation>
    </message>
    <message>
        <source>Resource t&amp;ype:</source>
        <translation>仓库类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Overwrite artifacts that exist on the target with the same tag</source>
        <translation>镜像覆盖：覆盖目标实例中已有的同名 Tag(&amp;O)</translation>
    </message>
    <message>
        <source>Recommended: leave this off, so a tag the target already has is never replaced and its history is not lost.</source>
        <translation>建议不覆盖：这样目标实例中已有的 Tag 不会被替换，历史数据也不会丢失。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Choose a namespace and a target to see what a sync would take.</source>
        <translation>选择命名空间和目标实例后，即可查看同步将包含哪些内容。</translation>
    </message>
    <message>
        <source>Choose a namespace to see what a sync would take.</source>
        <translation>选择命名空间后，即可查看同步将包含哪些内容。</translation>
    </message>
    <message>
        <source>The preview starts when the form is complete: %1</source>
        <translation>表单填写完整后开始预览：%1</translation>
    </message>
    <message>
        <source>Listing the namespaces of %1…</source>
        <translation>正在列出 %1 的命名空间…</translation>
    </message>
    <message>
        <source>The namespaces could not be listed (%1); type the namespace.</source>
        <translation>无法列出命名空间（%1）；请直接输入命名空间。</translation>
    </message>
    <message>
        <source>%1 lists no repositories yet; type the namespace.</source>
        <translation>%1 中还没有任何仓库；请直接输入命名空间。</translation>
    </message>
    <message numerus="yes">
        <source>%n namespace(s) on %1; pick one or type it.</source>
        <translation>
            <numerusform>%1 上有 %n 个命名空间；请选择一个或直接输入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the changes to this rule?</source>
        <translation>放弃对该规则的修改？</translation>
    </message>
    <message>
        <source>Filters match the whole name: v1\..* matches v1.0 and v1.2.3, not v10. Repositories are matched by their path below the namespace.</source>
        <translation>过滤条件匹配完整名称：v1\..* 会匹配 v1.0 和 v1.2.3，但不匹配 v10。仓库按其在命名空间下的路径匹配。</translation>
    </message>
    <message>
        <source>e.g. every 30m, every 6h, daily 02:00; empty = no schedule</source>
        <translation>例如 每30分钟、每6小时、每天 02:00；留空 = 不定时同步</translation>
    </message>
    <message>
        <source>Sc&amp;hedule:</source>
        <translation>定时同步(&amp;H)：</translation>
    </message>
    <message>
        <source>%1; the next run at %2, while automatic sync runs.</source>
        <translation>%1；下次运行时间 %2（自动同步运行期间）。</translation>
    </message>
    <message>
        <source>Runs when synced by hand, by a push event or by a poll.</source>
        <translation>在手动触发、推送事件或轮询时运行。</translation>
    </message>
    <message>
        <source>Copy &amp;signatures, attestations and SBOMs with each artifact</source>
        <translation>随每个制品同步签名、证明和 SBOM(&amp;S)</translation>
    </message>
    <message>
        <source>They are copied after the artifact they describe, with the same digests, found through the registry&apos;s referrers API or cosign&apos;s tag scheme (sha256-….sig, .att, .sbom). Off: such tags are artifacts of their own, synced only with resource type All.</source>
        <translation>它们在所描述的制品之后同步，摘要保持不变；通过镜像服务的 referrers API 或 cosign 的 Tag 命名方式（sha256-….sig、.att、.sbom）查找。关闭时，这些 Tag 作为独立的制品，仅在仓库类型为“全部”时同步。</translation>
    </message>
</context>
<context>
    <name>crsync::RuleService</name>
    <message>
        <source>the password of user %1 at %2</source>
        <translation>%2 上用户 %1 的密码</translation>
    </message>
    <message>
        <source>There is no rule named &quot;%1&quot; (&quot;crsync rule list&quot; or the Rules page shows the rules there are).</source>
        <translation>不存在名为“%1”的同步规则（可用“crsync rule list”或在“同步规则”页面查看现有规则）。</translation>
    </message>
    <message>
        <source>The credentials no rule uses any more (%1) could not be removed from the keychain: %2</source>
        <translation>已不再被任何规则使用的凭证（%1）无法从钥匙串中删除：%2</translation>
    </message>
</context>
<context>
    <name>crsync::RuleTableModel</name>
    <message>
        <source>%1 (cross-account)</source>
        <translation>%1（跨主账号）</translation>
    </message>
    <message>
        <source>(missing instance)</source>
        <translation>（实例不存在）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>repositories %1, tags %2</source>
        <translation>仓库 %1，Tag %2</translation>
    </message>
    <message>
        <source>Syncing %1/%2</source>
        <translation>同步中 %1/%2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>尚无运行记录</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 %1 次</translation>
    </message>
    <message numerus="yes">
        <source>Last %n run(s): %1</source>
        <translation>
            <numerusform>最近 %n 次：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>过滤条件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>仓库类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>同步目标</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>镜像覆盖</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Synced by</source>
        <translation>同步方式</translation>
    </message>
</context>
<context>
    <name>crsync::RuleTargetSection</name>
    <message>
        <source>Sync target</source>
        <translation>同步目标</translation>
    </message>
    <message>
        <source>&amp;Cross-account: the target belongs to another account</source>
        <translation>跨主账号(&amp;C)：目标实例属于其他主账号</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Target &amp;URL:</source>
        <translation>目标 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>the instance ID the target&apos;s owner gave you</source>
        <translation>目标账号提供给您的实例 ID</translation>
    </message>
    <message>
        <source>Target instance &amp;ID:</source>
        <translation>目标实例 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>empty = the source namespace&apos;s name; created when missing</source>
        <translation>为空 = 与源命名空间同名；不存在时将新建</translation>
    </message>
    <message>
        <source>Target names&amp;pace:</source>
        <translation>目标命名空间(&amp;P)：</translation>
    </message>
    <message>
        <source>a user account, not a service account</source>
        <translation>用户级账号，不支持服务级账号</translation>
    </message>
    <message>
        <source>Us&amp;ername:</source>
        <translation>用户名(&amp;E)：</translation>
    </message>
    <message>
        <source>Use a long-lived credential: the rule stops working when it expires. Stored in the keychain on OK.</source>
        <translation>请使用长期访问凭证：凭证过期后规则将无法使用。单击确定后保存到钥匙串。</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Generic (OCI distribution)</source>
        <translation>通用（OCI distribution）</translation>
    </message>
    <message>
        <source>TCR (Tencent Container Registry)</source>
        <translation>TCR（腾讯云容器镜像服务）</translation>
    </message>
    <message>
        <source>&amp;Flavor:</source>
        <translation>实例类型(&amp;F)：</translation>
    </message>
    <message>
        <source>optional: the PEM certificate of a private CA</source>
        <translation>可选：私有 CA 的 PEM 证书</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Browse for the target&apos;s CA file</source>
        <translation>选择目标实例的 CA 文件</translation>
    </message>
    <message>
        <source>CA fi&amp;le:</source>
        <translation>CA 文件(&amp;L)：</translation>
    </message>
    <message>
        <source>S&amp;kip TLS certificate verification</source>
        <translation>跳过 TLS 证书校验(&amp;K)</translation>
    </message>
    <message>
        <source>Anyone on the network path can impersonate the target and read its password. Give the CA file instead when you can.</source>
        <translation>网络路径上的任何人都可以冒充目标实例并读取其密码。如有可能，请改为指定 CA 文件。</translation>
    </message>
    <message>
        <source>Plain HTTP sends the password and every image unencrypted. Use it only on a network you trust.</source>
        <translation>明文 HTTP 会以不加密的方式发送密码和所有镜像。请仅在可信的网络中使用。</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain); type to replace</source>
        <translation>未修改（已保存在钥匙串中）；输入新密码即可替换</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Tar&amp;get instance:</source>
        <translation>目标实例(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Allow plain HTTP (unencrypted)</source>
        <translation>允许明文 HTTP（不加密）(&amp;A)</translation>
    </message>
</context>
<context>
    <name>crsync::RulesPage</name>
    <message>
        <source>Rules</source>
        <translation>同步规则</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新建同步规则</translation>
    </message>
    <message>
        <source>Filter rules</source>
        <translation>筛选同步规则</translation>
    </message>
    <message>
        <source>&amp;Trigger sync</source>
        <translation>触发同步(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>配置(&amp;C)…</translation>
    </message>
    <message>
        <source>View &amp;logs</source>
        <translation>查看同步日志(&amp;L)</translation>
    </message>
    <message>
        <source>Cl&amp;one</source>
        <translation>克隆(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Go to &amp;Instances</source>
        <translation>前往实例(&amp;I)</translation>
    </message>
    <message>
        <source>Trigger sync</source>
        <translation>触发同步</translation>
    </message>
    <message>
        <source>Configure…</source>
        <translation>配置…</translation>
    </message>
    <message>
        <source>View logs</source>
        <translation>查看同步日志</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>crsync knows no registry yet. Add the source and target instances first, then create a rule here.</source>
        <translation>crsync 中还没有任何镜像服务。请先添加源实例和目标实例，再在此创建同步规则。</translation>
    </message>
    <message>
        <source>%1 has no rules yet. New creates one.</source>
        <translation>%1 还没有同步规则。单击“新建”即可创建。</translation>
    </message>
    <message>
        <source>The rule is disabled: enable it to sync it.</source>
        <translation>该规则已关闭：启用后才能同步。</translation>
    </message>
    <message>
        <source>The rule is syncing now.</source>
        <translation>该规则正在同步中。</translation>
    </message>
    <message>
        <source>Rule %1 is enabled.</source>
        <translation>同步规则 %1 已启用。</translation>
    </message>
    <message>
        <source>Rule %1 is disabled: it gets no events and cannot be synced until it is enabled again.</source>
        <translation>同步规则 %1 已关闭：在重新启用之前，它不会接收事件，也不能同步。</translation>
    </message>
    <message>
        <source>Rule %1 is disabled; enable it before syncing it.</source>
        <translation>同步规则 %1 已关闭；请先启用再同步。</translation>
    </message>
    <message>
        <source>Rule %1 is already syncing (task %2); nothing new was started.</source>
        <translation>同步规则 %1 正在同步中（任务 %2）；未启动新的任务。</translation>
    </message>
    <message numerus="yes">
        <source>%n other sync(s) are running. A manual sync scans every repository of the namespace that the rule matches, which takes time and puts load on the registries while it runs; avoid triggering several rules at once. Start rule %1 anyway?</source>
        <translation>
            <numerusform>另有 %n 个同步正在运行。手动触发同步会扫描命名空间内所有符合规则的仓库，需要一定的耗时，并在运行期间对镜像服务造成压力；请尽量避免同时手动触发多个同步规则。仍要启动同步规则 %1 吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Start sync</source>
        <translation>开始同步</translation>
    </message>
    <message>
        <source>Task %1 of rule %2 started; the status bar follows it.</source>
        <translation>同步规则 %2 的任务 %1 已启动；可在状态栏查看进度。</translation>
    </message>
    <message>
        <source>Rule %1 saved.</source>
        <translation>同步规则 %1 已保存。</translation>
    </message>
    <message>
        <source>Rule %1 created.</source>
        <translation>同步规则 %1 已创建。</translation>
    </message>
    <message>
        <source>The new credentials replace the old ones for rule(s) %1 too.</source>
        <translation>新凭证同时替换了同步规则 %1 所用的旧凭证。</translation>
    </message>
    <message>
        <source>Rule %1 created as a copy; it stays disabled until you enable it.</source>
        <translation>已克隆出同步规则 %1；在您启用之前，它保持关闭状态。</translation>
    </message>
    <message>
        <source>Delete rule %1?</source>
        <translation>删除同步规则 %1？</translation>
    </message>
    <message numerus="yes">
        <source>Its %n sync log entries stay.</source>
        <translation>
            <numerusform>其 %n 条同步日志会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password of %1 at %2 leaves the keychain.</source>
        <translation>%2 上 %1 的密码将从钥匙串中删除。</translation>
    </message>
    <message>
        <source>The password of %1 at %2 stays in the keychain for rule(s) %3.</source>
        <translation>%2 上 %1 的密码仍保留在钥匙串中，供同步规则 %3 使用。</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>删除同步规则</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>Rule %1 deleted; its %n sync log entries stay.</source>
        <translation>
            <numerusform>同步规则 %1 已删除；其 %n 条同步日志会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Its cross-account password left the keychain.</source>
        <translation>其跨主账号密码已从钥匙串中删除。</translation>
    </message>
    <message>
        <source>Source &amp;instance:</source>
        <translation>源实例(&amp;I)：</translation>
    </message>
    <message>
        <source>push events</source>
        <translation>推送事件</translation>
    </message>
    <message>
        <source>poll every %1 s</source>
        <translation>每 %1 秒轮询</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
</context>
<context>
    <name>crsync::RunChart</name>
    <message>
        <source>Recent runs</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Recent runs of %1</source>
        <translation>%1 的最近同步</translation>
    </message>
    <message>
        <source>%1 has not run yet.</source>
        <translation>%1 尚未同步过。</translation>
    </message>
    <message numerus="yes">
        <source>The last %n run(s) of %1: %2 with failures; the newest took %3 (median %4).</source>
        <translation>
            <numerusform>%1 最近 %n 次同步：%2 次有失败；最近一次耗时 %3（中位数 %4）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::RunningTasks</name>
    <message>
        <source>%1 %2/%3 artifacts, %4, %5</source>
        <translation>%1 %2/%3 个制品，%4，%5</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) running: %1</source>
        <translation>
            <numerusform>%n 个任务正在运行：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::Schedule</name>
    <message>
        <source>&quot;%1&quot; is not a schedule: write &quot;every 30m&quot;, &quot;every 2h&quot; (5 minutes to 7 days) or &quot;daily 02:00&quot;.</source>
        <translation>&quot;%1&quot; 不是有效的计划：请写 &quot;every 30m&quot;、&quot;every 2h&quot;（5 分钟到 7 天）或 &quot;daily 02:00&quot;。</translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>每天 %1</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>每 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>每 %n 小时</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crsync::Scheduler</name>
    <message>
        <source>scheduled run of rule %1 skipped: task %2 of it is still running</source>
        <translation>已跳过规则 %1 的计划运行：它的任务 %2 仍在运行</translation>
    </message>
    <message>
        <source>scheduled run of rule %1 not started: %2</source>
        <translation>规则 %1 的计划运行未启动：%2</translation>
    </message>
    <message>
        <source>scheduled run of rule %1 (%2): task %3</source>
        <translation>规则 %1 的计划运行（%2）：任务 %3</translation>
    </message>
</context>
<context>
    <name>crsync::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies when crsync starts again.</source>
        <translation>新的语言将在 crsync 重新启动后生效。</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>数据目录：</translation>
    </message>
    <message>
        <source>Secret Service, service &quot;%1&quot;</source>
        <translation>Secret Service，服务“%1”</translation>
    </message>
    <message>
        <source>Passwords kept in:</source>
        <translation>密码保存位置：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制%1</translation>
    </message>
    <message>
        <source>Automatic sync</source>
        <translation>自动同步</translation>
    </message>
    <message>
        <source>&amp;Sync new pushes by themselves while crsync runs</source>
        <translation>crsync 运行时自动同步新推送(&amp;S)</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>监听地址(&amp;O)：</translation>
    </message>
    <message>
        <source>the webhook URL</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <source>Webhook &amp;URL:</source>
        <translation>Webhook 地址(&amp;U)：</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>正在读取钥匙串…</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <source>Show the webhook secret</source>
        <translation>显示 Webhook 密钥</translation>
    </message>
    <message>
        <source>&amp;New secret…</source>
        <translation>新密钥(&amp;N)…</translation>
    </message>
    <message>
        <source>the webhook secret</source>
        <translation>Webhook 密钥</translation>
    </message>
    <message>
        <source>Se&amp;cret:</source>
        <translation>密钥(&amp;C)：</translation>
    </message>
    <message>
        <source>docker-registry (config.yml):</source>
        <translation>docker-registry（config.yml）：</translation>
    </message>
    <message>
        <source>the docker-registry configuration</source>
        <translation>docker-registry 配置</translation>
    </message>
    <message>
        <source>Harbor:</source>
        <translation>Harbor：</translation>
    </message>
    <message>
        <source>PASTE-THE-SECRET</source>
        <translation>在此粘贴密钥</translation>
    </message>
    <message>
        <source>New webhook secret</source>
        <translation>新的 Webhook 密钥</translation>
    </message>
    <message>
        <source>Registries that send the current secret are refused from now on, until their configuration has the new one. Make a new secret?</source>
        <translation>从现在起，仍发送当前密钥的镜像仓库将被拒绝，直到其配置更新为新密钥。确定生成新密钥吗？</translation>
    </message>
    <message>
        <source>Make a new secret</source>
        <translation>生成新密钥</translation>
    </message>
    <message>
        <source>Project → Webhooks → New webhook: notify type http, event &quot;Artifact pushed&quot;, endpoint URL the webhook URL, auth header &quot;Bearer&quot; and the secret.</source>
        <translation>项目 → Webhooks → 新建 Webhook：通知类型 http，事件“推送制品”（Artifact pushed），Endpoint 地址填写 Webhook 地址，认证头填写“Bearer”加密钥。</translation>
    </message>
</context>
<context>
    <name>crsync::Store</name>
    <message>
        <source>%1 is not a crsync database: it is not an SQLite file, or it is damaged. It was left untouched; move it away, or choose another data directory with --data-dir.</source>
        <translation>%1 不是 crsync 数据库：它不是 SQLite 文件，或已损坏。该文件未被改动；请将其移走，或用 --data-dir 选择其他数据目录。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2. Check that its directory exists and is writable.</source>
        <translation>无法打开数据库 %1：%2。请检查其所在目录是否存在且可写。</translation>
    </message>
    <message>
        <source>Setting up the database connection</source>
        <translation>建立数据库连接</translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2. Check its permissions.</source>
        <translation>无法读取数据库 %1：%2。请检查其权限。</translation>
    </message>
    <message>
        <source>%1 was written by a newer crsync (schema version %2; this crsync knows up to %3). It was left untouched: use the newer crsync, or choose another data directory with --data-dir.</source>
        <translation>%1 由更新版本的 crsync 写入（schema 版本 %2；当前 crsync 最高支持 %3）。该文件未被改动：请使用更新版本的 crsync，或用 --data-dir 选择其他数据目录。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program (it has tables but no crsync schema version). It was left untouched; choose another data directory with --data-dir.</source>
        <translation>%1 是其他程序的 SQLite 数据库（其中有表，但没有 crsync 的 schema 版本）。该文件未被改动；请用 --data-dir 选择其他数据目录。</translation>
    </message>
    <message>
        <source>Switching the database to WAL mode</source>
        <translation>将数据库切换为 WAL 模式</translation>
    </message>
    <message>
        <source>Reading the schema version</source>
        <translation>读取 schema 版本</translation>
    </message>
    <message>
        <source>Upgrading the database to schema version %1</source>
        <translation>将数据库升级到 schema 版本 %1</translation>
    </message>
    <message>
        <source>Recording the schema version</source>
        <translation>记录 schema 版本</translation>
    </message>
    <message>
        <source>Starting a database transaction</source>
        <translation>开始数据库事务</translation>
    </message>
    <message>
        <source>Saving to the database</source>
        <translation>保存到数据库</translation>
    </message>
    <message>
        <source>The data directory %1 is a file, not a directory; choose another one with --data-dir.</source>
        <translation>数据目录 %1 是一个文件而不是目录；请用 --data-dir 选择其他目录。</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1; check the permissions of its parent or choose another one with --data-dir.</source>
        <translation>无法创建数据目录 %1；请检查其上级目录的权限，或用 --data-dir 选择其他目录。</translation>
    </message>
    <message>
        <source>An instance named &quot;%1&quot; already exists; choose another name.</source>
        <translation>名为“%1”的实例已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>There is no instance %1.</source>
        <translation>找不到实例 %1。</translation>
    </message>
    <message>
        <source>with id %1</source>
        <translation>（ID %1）</translation>
    </message>
    <message>
        <source>Saving instance &quot;%1&quot;</source>
        <translation>保存实例“%1”</translation>
    </message>
    <message>
        <source>The instance &quot;%1&quot; is still used by the rule(s) %2. Change or delete those rules first.</source>
        <translation>实例“%1”仍被同步规则 %2 使用。请先修改或删除这些规则。</translation>
    </message>
    <message>
        <source>Deleting instance &quot;%1&quot;</source>
        <translation>删除实例“%1”</translation>
    </message>
    <message>
        <source>Reading an instance</source>
        <translation>读取实例</translation>
    </message>
    <message>
        <source>Listing instances</source>
        <translation>列出实例</translation>
    </message>
    <message>
        <source>Listing the rules of an instance</source>
        <translation>列出实例的同步规则</translation>
    </message>
    <message>
        <source>A rule named &quot;%1&quot; already exists; choose another name.</source>
        <translation>名为“%1”的同步规则已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>There is no rule %1.</source>
        <translation>找不到同步规则 %1。</translation>
    </message>
    <message>
        <source>Saving rule &quot;%1&quot;</source>
        <translation>保存同步规则“%1”</translation>
    </message>
    <message>
        <source>The source instance (id %1) does not exist; choose another.</source>
        <translation>源实例（ID %1）不存在；请另选一个。</translation>
    </message>
    <message>
        <source>The target instance (id %1) does not exist; choose another.</source>
        <translation>目标实例（ID %1）不存在；请另选一个。</translation>
    </message>
    <message>
        <source>Deleting a rule</source>
        <translation>删除同步规则</translation>
    </message>
    <message>
        <source>Enabling or disabling a rule</source>
        <translation>启用或关闭同步规则</translation>
    </message>
    <message>
        <source>Reading rules</source>
        <translation>读取同步规则</translation>
    </message>
    <message>
        <source>There is no task %1.</source>
        <translation>找不到任务 %1。</translation>
    </message>
    <message>
        <source>Reading the sync log</source>
        <translation>读取同步日志</translation>
    </message>
    <message>
        <source>Recording a task of rule &quot;%1&quot;</source>
        <translation>记录同步规则“%1”的任务</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is already syncing (task %2, %3); nothing new was started.</source>
        <translation>同步规则“%1”正在同步中（任务 %2，%3）；未启动新的任务。</translation>
    </message>
    <message>
        <source>Updating a task in the sync log</source>
        <translation>更新同步日志中的任务</translation>
    </message>
    <message>
        <source>Counting tasks in the sync log</source>
        <translation>统计同步日志中的任务数</translation>
    </message>
    <message>
        <source>Recording the artifacts of a task</source>
        <translation>记录任务的制品</translation>
    </message>
    <message>
        <source>Reading the artifacts of a task</source>
        <translation>读取任务的制品</translation>
    </message>
    <message>
        <source>%1 can only be read by you, and it needs an upgrade to schema version %2 (it has %3), which writes to it. Run crsync once as a user who may write it.</source>
        <translation>%1 对您只读，但它需要升级到 schema 版本 %2（当前为 %3），升级需要写入该文件。请以有写入权限的用户运行一次 crsync。</translation>
    </message>
    <message>
        <source>Reading the database settings</source>
        <translation>读取数据库设置</translation>
    </message>
    <message>
        <source>Saving the database settings</source>
        <translation>保存数据库设置</translation>
    </message>
</context>
<context>
    <name>crsync::SyncService</name>
    <message>
        <source>This front end cannot run syncs.</source>
        <translation>此前端无法运行同步。</translation>
    </message>
    <message>
        <source>The rule of task %1 (%2) was deleted; there is nothing to retry it with.</source>
        <translation>任务 %1 的同步规则（%2）已被删除；无法重试。</translation>
    </message>
    <message>
        <source>Task %1 has no failed artifact to retry.</source>
        <translation>任务 %1 没有可重试的失败制品。</translation>
    </message>
    <message>
        <source>Task %1 is not running: it ended %2.</source>
        <translation>任务 %1 未在运行：它已结束，状态为 %2。</translation>
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
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Source digest</source>
        <translation>源摘要</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>传输量</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Source repository</source>
        <translation>源仓库</translation>
    </message>
    <message>
        <source>Target repository</source>
        <translation>目标仓库</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>耗时（毫秒）</translation>
    </message>
    <message>
        <source>Signatures and SBOMs</source>
        <translation>签名和 SBOM</translation>
    </message>
</context>
<context>
    <name>crsync::TaskLocks</name>
    <message>
        <source>Cannot create the folder %1 for the locks of running tasks; check the permissions of the data directory.</source>
        <translation>无法创建用于存放运行中任务锁的文件夹 %1；请检查数据目录的权限。</translation>
    </message>
    <message>
        <source>Task %1 is already being run by another crsync process.</source>
        <translation>任务 %1 已由另一个 crsync 进程运行。</translation>
    </message>
    <message>
        <source>Cannot lock task %1 in %2; check the permissions of the data directory.</source>
        <translation>无法在 %2 中锁定任务 %1；请检查数据目录的权限。</translation>
    </message>
    <message>
        <source>Task %1 is not running, so there is nothing to cancel.</source>
        <translation>任务 %1 未在运行，无需取消。</translation>
    </message>
    <message>
        <source>Could not ask task %1 to cancel: %2 (%3).</source>
        <translation>无法请求取消任务 %1：%2（%3）。</translation>
    </message>
    <message>
        <source>The crsync process running this task stopped before it finished. Sync the rule again to complete it (what already arrived is not moved again).</source>
        <translation>运行该任务的 crsync 进程在任务完成前停止了。请再次同步该规则以完成任务（已传输的内容不会重复传输）。</translation>
    </message>
</context>
<context>
    <name>crsync::TaskRun</name>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>%1:%2 was not synced: the task stopped trying because a registry stopped answering or refused the credentials (see the task&apos;s message).</source>
        <translation>%1:%2 未同步：由于某个镜像服务不再响应或拒绝了凭证，任务已停止尝试（见任务信息）。</translation>
    </message>
    <message>
        <source>Nothing to sync: no repository of namespace %1 on %2 has a tag that matches the rule&apos;s filters and resource type.</source>
        <translation>没有需要同步的内容：%2 上命名空间 %1 中没有任何仓库的 Tag 符合该规则的过滤条件和仓库类型。</translation>
    </message>
    <message>
        <source>This registry does not let this account list its repositories. Name them in the rule&apos;s repository filter (for example web|api|worker), and crsync syncs them without listing.</source>
        <translation>此镜像仓库不允许该账号列出其仓库。请在规则的仓库过滤条件中列出仓库名（例如 web|api|worker），crsync 将不经列举直接同步它们。</translation>
    </message>
</context>
<context>
    <name>crsync::TaskTableModel</name>
    <message>
        <source>%1: %2 of %3 artifacts, %4, %5</source>
        <translation>%1：%3 个制品中已完成 %2 个，%4，%5</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Task ID</source>
        <translation>任务ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>任务耗时</translation>
    </message>
    <message>
        <source>Success ratio</source>
        <translation>成功比例</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>同步仓库数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>同步规则</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>传输量</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>%1 / %2 · %3</translation>
    </message>
</context>
<context>
    <name>crsync::Validation</name>
    <message>
        <source>(no account ID)</source>
        <translation>（无账号 ID）</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>名称不能为空。</translation>
    </message>
    <message>
        <source>The name is %1 characters long; at most %2 are allowed.</source>
        <translation>名称长度为 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is not allowed: use only lower-case letters a-z, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;, starting with a letter or digit.</source>
        <translation>名称“%1”不合法：只能使用小写字母 a-z、数字及“.”“_”“-”三种符号，且需以字母或数字开头。</translation>
    </message>
    <message>
        <source>The registry URL is required, for example %1.</source>
        <translation>镜像服务 URL 不能为空，例如 %1。</translation>
    </message>
    <message>
        <source>Plain http:// sends data and credentials unencrypted. Use https://, or explicitly allow plain HTTP for this registry.</source>
        <translation>明文 http:// 会以不加密的方式发送数据和凭证。请使用 https://，或为该镜像服务明确允许明文 HTTP。</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// when plain HTTP is explicitly allowed), like %1.</source>
        <translation>URL 必须以 https:// 开头（明确允许明文 HTTP 时可用 http://），例如 %1。</translation>
    </message>
    <message>
        <source>Remove the user name and password from the URL: give the username in its own field; the password goes to the keychain.</source>
        <translation>请从 URL 中去掉用户名和密码：用户名填写在单独的字段中，密码保存到钥匙串。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or IP address.</source>
        <translation>“%1”不是有效的主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>A registry URL has no path: remove &quot;%1&quot; and give only scheme://host[:port].</source>
        <translation>镜像服务 URL 不带路径：请去掉“%1”，只填写 scheme://host[:port]。</translation>
    </message>
    <message>
        <source>A registry URL has no query or fragment: give only scheme://host[:port].</source>
        <translation>镜像服务 URL 不带查询参数或片段：只填写 scheme://host[:port]。</translation>
    </message>
    <message>
        <source>A namespace is required.</source>
        <translation>命名空间不能为空。</translation>
    </message>
    <message>
        <source>Give exactly one namespace; lists, wildcards and &quot;all namespaces&quot; are not supported.</source>
        <translation>请只填写一个命名空间；暂不支持列表、通配符或“全部命名空间”。</translation>
    </message>
    <message>
        <source>The namespace is %1 characters long; at most %2 are allowed.</source>
        <translation>命名空间长度为 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace: use lower-case letters and digits, separated by single &quot;.&quot;, &quot;_&quot;, &quot;__&quot; or &quot;-&quot;, like &quot;library&quot; or &quot;team/apps&quot;.</source>
        <translation>“%1”不是有效的命名空间：请使用小写字母和数字，以单个“.”“_”“__”或“-”分隔，例如“library”或“team/apps”。</translation>
    </message>
    <message>
        <source>The filter is %1 characters long; at most %2 are allowed.</source>
        <translation>过滤条件长度为 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression: %2 at position %3.</source>
        <translation>“%1”不是有效的正则表达式：%2（位置 %3）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used as a whole-name filter: %2.</source>
        <translation>“%1”不能用作整名匹配的过滤条件：%2。</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; does not exist.</source>
        <translation>CA 文件“%1”不存在。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file.</source>
        <translation>“%1”不是文件。</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; cannot be read; check its permissions.</source>
        <translation>CA 文件“%1”无法读取；请检查其权限。</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; holds no PEM certificate (a &quot;-----BEGIN CERTIFICATE-----&quot; block).</source>
        <translation>CA 文件“%1”中没有 PEM 证书（“-----BEGIN CERTIFICATE-----”块）。</translation>
    </message>
    <message>
        <source>Cross-account replication needs the target&apos;s username.</source>
        <translation>跨主账号同步需要填写目标实例的用户名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a service account (robot$... or tcr$...). Cross-account replication needs a user-level account of the target; give a user&apos;s name and password.</source>
        <translation>“%1”是服务级账号（robot$... 或 tcr$...）。跨主账号同步只能使用目标侧的用户级账号；请填写用户的用户名和密码。</translation>
    </message>
    <message>
        <source>The username must have no spaces and at most 255 characters.</source>
        <translation>用户名不能包含空格，且最多 255 个字符。</translation>
    </message>
    <message>
        <source>An instance named &quot;%1&quot; already exists; choose another name.</source>
        <translation>名为“%1”的实例已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>The account ID must have no spaces and at most 64 characters.</source>
        <translation>账号 ID 不能包含空格，且最多 64 个字符。</translation>
    </message>
    <message>
        <source>The region must be one line of at most 64 characters.</source>
        <translation>地域只能是一行，且最多 64 个字符。</translation>
    </message>
    <message>
        <source>A rule named &quot;%1&quot; already exists; choose another name.</source>
        <translation>名为“%1”的同步规则已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>The description is %1 characters long; at most %2 are allowed.</source>
        <translation>描述长度为 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <source>Choose the source instance.</source>
        <translation>请选择源实例。</translation>
    </message>
    <message>
        <source>The source instance (id %1) does not exist; choose another.</source>
        <translation>源实例（ID %1）不存在；请另选一个。</translation>
    </message>
    <message>
        <source>The source namespace is required.</source>
        <translation>源命名空间不能为空。</translation>
    </message>
    <message>
        <source>The target is the source itself with the same namespace; choose another target or target namespace.</source>
        <translation>目标与源是同一实例的同一命名空间；请选择其他目标实例或目标命名空间。</translation>
    </message>
    <message>
        <source>Choose the target instance.</source>
        <translation>请选择目标实例。</translation>
    </message>
    <message>
        <source>The target instance (id %1) does not exist; choose another.</source>
        <translation>目标实例（ID %1）不存在；请另选一个。</translation>
    </message>
    <message>
        <source>The target instance &quot;%1&quot; belongs to account %2, the source &quot;%3&quot; to account %4. Choose an instance of the same account, or turn on cross-account replication.</source>
        <translation>目标实例“%1”属于账号 %2，而源实例“%3”属于账号 %4。请选择同一主账号内的实例，或开启跨主账号同步。</translation>
    </message>
    <message>
        <source>Cross-account replication needs the target&apos;s URL.</source>
        <translation>跨主账号同步需要填写目标实例的 URL。</translation>
    </message>
    <message>
        <source>Cross-account replication needs the password of the target&apos;s user.</source>
        <translation>跨主账号同步需要填写目标实例用户的密码。</translation>
    </message>
    <message>
        <source>The target instance ID must have no spaces and at most 128 characters.</source>
        <translation>目标实例 ID 不能包含空格，且最多 128 个字符。</translation>
    </message>
    <message>
        <source>The username cannot contain &quot;:&quot; (registries log in with &quot;user:password&quot;).</source>
        <translation>用户名不能包含“:”（镜像服务以“user:password”的形式登录）。</translation>
    </message>
    <message>
        <source>A URL has no spaces; enter it like %1.</source>
        <translation>URL 中不能有空格；请按 %1 的格式输入。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no scheme: enter it like https://%1.</source>
        <translation>“%1”缺少协议：请按 https://%1 的格式输入。</translation>
    </message>
    <message>
        <source>The port &quot;%1&quot; is not a number from 1 to 65535.</source>
        <translation>端口“%1”不是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL. Enter it like %2.</source>
        <translation>“%1”不是有效的 URL。请按 %2 的格式输入。</translation>
    </message>
    <message>
        <source>This is not a valid URL. Enter it like %1.</source>
        <translation>这不是有效的 URL。请按 %1 的格式输入。</translation>
    </message>
</context>
<context>
    <name>crsync::Webhook</name>
    <message>
        <source>The body is not a JSON object (%1).</source>
        <translation>请求体不是 JSON 对象（%1）。</translation>
    </message>
    <message>
        <source>The body is neither a registry notification envelope (&quot;events&quot;) nor a Harbor webhook payload (&quot;type&quot;, &quot;event_data&quot;).</source>
        <translation>请求体既不是镜像仓库的通知信封（&quot;events&quot;），也不是 Harbor Webhook 负载（&quot;type&quot;、&quot;event_data&quot;）。</translation>
    </message>
</context>
<context>
    <name>crsync::WebhookListener</name>
    <message>
        <source>The webhook listener cannot listen on %1:%2 (is another program using that port?).</source>
        <translation>Webhook 监听器无法在 %1:%2 上监听（是否有其他程序占用了该端口？）。</translation>
    </message>
    <message>
        <source>webhook: refused a request from %1 without the right secret (401)</source>
        <translation>webhook：拒绝了来自 %1 的未携带正确密钥的请求（401）</translation>
    </message>
    <message>
        <source>Authorization: Bearer SECRET is missing or wrong.</source>
        <translation>缺少 Authorization: Bearer SECRET，或密钥错误。</translation>
    </message>
    <message>
        <source>webhook: refused a body of %1 bytes (413)</source>
        <translation>webhook：拒绝了 %1 字节的请求体（413）</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation>请求体超过 %1 字节。</translation>
    </message>
    <message>
        <source>webhook: refused a malformed body (400): %1</source>
        <translation>webhook：拒绝了格式错误的请求体（400）：%1</translation>
    </message>
    <message>
        <source>webhook (%1): push %2:%3 queued for rule %4 (event %5)</source>
        <translation>webhook（%1）：推送 %2:%3 已加入规则 %4 的队列（事件 %5）</translation>
    </message>
    <message>
        <source>%1 event(s) queued, %2 ignored.</source>
        <translation>已加入队列 %1 个事件，忽略 %2 个。</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read: %2</source>
        <translation>无法读取私钥文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA or EC, not encrypted).</source>
        <translation>%1 中没有 PEM 私钥（RSA 或 EC，未加密）。</translation>
    </message>
</context>
<context>
    <name>crsync::cli</name>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Where crsync keeps its database (default: $CRSYNC_DATA_DIR, else the standard application data folder).</source>
        <translation>crsync 存放数据库的目录（默认：$CRSYNC_DATA_DIR，未设置时为系统标准的应用数据目录）。</translation>
    </message>
    <message>
        <source>Usage: crsync %1 &lt;command&gt; [options]</source>
        <translation>用法：crsync %1 &lt;command&gt; [options]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &quot;crsync %1 &lt;command&gt; --help&quot; for the options of a command.</source>
        <translation>运行“crsync %1 &lt;command&gt; --help”查看某个命令的选项。</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>&quot;crsync %1&quot; needs a command before its options.</source>
        <translation>“crsync %1”需要先给出命令，再给出选项。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a command of &quot;crsync %2&quot;.</source>
        <translation>“%1”不是“crsync %2”的命令。</translation>
    </message>
    <message>
        <source>Passwords are never taken from the command line; they are read from standard input (%1).</source>
        <translation>密码从不通过命令行传入；密码从标准输入读取（%1）。</translation>
    </message>
    <message>
        <source>See &quot;crsync %1 %2 --help&quot;.</source>
        <translation>参见“crsync %1 %2 --help”。</translation>
    </message>
    <message>
        <source>no arguments</source>
        <translation>无参数</translation>
    </message>
    <message>
        <source>&quot;crsync %1 %2&quot; takes %3, but was given: %4. See &quot;crsync %1 %2 --help&quot;.</source>
        <translation>“crsync %1 %2”接受 %3，但实际给出的是：%4。参见“crsync %1 %2 --help”。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>以 JSON 而非表格输出。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>--data-dir needs a directory.</source>
        <translation>--data-dir 需要一个目录。</translation>
    </message>
    <message>
        <source>Usage: crsync [--data-dir DIR] &lt;group&gt; &lt;command&gt; [options]
       crsync              (no arguments: opens the window)

Replicates container images and Helm charts between registries.

Groups:
</source>
        <translation>用法：crsync [--data-dir DIR] &lt;group&gt; &lt;command&gt; [options]
      crsync              （不带参数：打开窗口）

在镜像服务之间同步容器镜像及 Helm Chart。

命令组：
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
全局选项：
  --data-dir DIR  crsync 存放数据库的目录（也可用 $CRSYNC_DATA_DIR；默认：
                  系统标准的应用数据目录）。可放在命令组之前或命令之后。
  -h, --help      本帮助；“crsync &lt;group&gt; --help”和
                  “crsync &lt;group&gt; &lt;command&gt; --help”分别介绍各级命令。
  -v, --version   crsync 的版本。

密码从不通过命令行传入：密码来自钥匙串
（Secret Service：GNOME Keyring 或 KWallet）或标准输入
（--password-stdin 读取一行）。$CRSYNC_KEYCHAIN_SERVICE 可修改钥匙串
服务名称（默认“crsync”）。

退出状态：
  0  完成
  1  失败：操作已执行，但其中部分失败（或数据库出错）
  2  输入无效：选项或值错误或缺失、实例或规则不存在、
     名称已被占用、删除被拒绝；未做任何修改
  3  无法连接镜像服务或凭证被拒绝，或没有可用的钥匙串
     来保存或读取密码
</translation>
    </message>
    <message>
        <source>Unknown command: %1. Run &quot;crsync --help&quot; for the list of commands.</source>
        <translation>未知命令：%1。运行“crsync --help”查看命令列表。</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>--%1 was given %2 times (%3); give it once.</source>
        <translation>--%1 给出了 %2 次（%3）；请只给出一次。</translation>
    </message>
    <message>
        <source>crsync: argument %1 is not valid UTF-8 text; crsync takes names, filters and descriptions as UTF-8 only. Nothing was changed.</source>
        <translation>crsync：参数 %1 不是有效的 UTF-8 文本；crsync 只接受 UTF-8 编码的名称、过滤条件和描述。未做任何修改。</translation>
    </message>
    <message>
        <source>crsync: there is no display to open the window on ($DISPLAY and $WAYLAND_DISPLAY are not set). Run it in a desktop session, or under xvfb-run; &quot;crsync --help&quot; lists what the command line does without one.</source>
        <translation>crsync：没有可用于打开窗口的显示器（未设置 $DISPLAY 和 $WAYLAND_DISPLAY）。请在桌面会话中或通过 xvfb-run 运行；“crsync --help”列出了无需显示器即可使用的命令行功能。</translation>
    </message>
</context>
<context>
    <name>crsync::cli::CommandContext</name>
    <message>
        <source>%1 reads the password from standard input, but %2. Pipe it in, e.g. printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | crsync ...</source>
        <translation>%1 从标准输入读取密码，但%2。请通过管道传入，例如 printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | crsync ...</translation>
    </message>
    <message>
        <source>standard input was empty</source>
        <translation>标准输入为空</translation>
    </message>
    <message>
        <source>the first line was empty</source>
        <translation>第一行为空</translation>
    </message>
    <message>
        <source>[y/N]</source>
        <translation>[y/N]</translation>
    </message>
    <message>
        <source>y</source>
        <translation>是</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>warning: the passwords stored by an older crsync could not be moved to this data dir&apos;s keychain entries yet: %1</source>
        <translation>警告：旧版 crsync 保存的密码暂时无法移至该数据目录的钥匙串条目：%1</translation>
    </message>
</context>
<context>
    <name>crsync::cli::DaemonCommands</name>
    <message>
        <source>Run automatic sync without a window: the webhook listener and the event queue (&quot;crsync daemon [--listen HOST:PORT]&quot;).</source>
        <translation>无窗口运行自动同步：Webhook 监听器和事件队列（&quot;crsync daemon [--listen HOST:PORT]&quot;）。</translation>
    </message>
    <message>
        <source>Listen for registry notifications and sync what enabled rules cover.</source>
        <translation>监听镜像仓库的通知，并同步已启用规则所覆盖的内容。</translation>
    </message>
    <message>
        <source>Pushes that registries announce on POST /webhook (Authorization: Bearer SECRET, see &quot;crsync webhook secret&quot;) are queued in the data dir and synced by tasks with trigger &quot;event&quot;. One line per event and task goes to standard error. SIGTERM or SIGINT stops it: no new request is accepted, running tasks are canceled, and queued events run after the next start. Only one process may run automatic sync per data dir.</source>
        <translation>镜像仓库通过 POST /webhook（Authorization: Bearer SECRET，参见 &quot;crsync webhook secret&quot;）通知的推送会存入数据目录的队列，并由触发方式为 &quot;event&quot; 的任务同步。每个事件和任务在标准错误输出一行。SIGTERM 或 SIGINT 会停止它：不再接受新请求，正在运行的任务被取消，队列中的事件在下次启动后运行。每个数据目录同时只能有一个进程运行自动同步。</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:%1).</source>
        <translation>监听的地址和端口（默认 127.0.0.1:%1）。</translation>
    </message>
    <message>
        <source>What to give a registry so its pushes reach crsync: &quot;crsync webhook secret&quot;, &quot;crsync webhook url&quot;.</source>
        <translation>让镜像仓库的推送通知到达 crsync 所需的信息：&quot;crsync webhook secret&quot;、&quot;crsync webhook url&quot;。</translation>
    </message>
    <message>
        <source>Print the webhook secret (made and kept in the keychain on first use).</source>
        <translation>打印 Webhook 密钥（首次使用时生成并保存在钥匙串中）。</translation>
    </message>
    <message>
        <source>Registries send it as &quot;Authorization: Bearer SECRET&quot;. --rotate replaces it: registries with the old one are refused from then on.</source>
        <translation>镜像仓库以 &quot;Authorization: Bearer SECRET&quot; 发送它。--rotate 会替换它：此后仍使用旧密钥的镜像仓库将被拒绝。</translation>
    </message>
    <message>
        <source>Make a new secret and print it.</source>
        <translation>生成新密钥并打印。</translation>
    </message>
    <message>
        <source>Print the URL registries post their notifications to.</source>
        <translation>打印镜像仓库发送通知的地址。</translation>
    </message>
    <message>
        <source>The address the daemon listens on, as given to it.</source>
        <translation>守护进程的监听地址（与传给它的相同）。</translation>
    </message>
    <message>
        <source>task %1 of rule %2 running</source>
        <translation>规则 %2 的任务 %1 正在运行</translation>
    </message>
    <message>
        <source>task %1 ended %2</source>
        <translation>任务 %1 结束：%2</translation>
    </message>
    <message>
        <source>stopping: no new requests; running tasks are canceled, queued events wait for the next start</source>
        <translation>正在停止：不再接受新请求；正在运行的任务将被取消，队列中的事件等待下次启动</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Have automatic sync look at the instance every SECONDS (0: never).</source>
        <translation>让自动同步每隔 SECONDS 秒检查一次该实例（0：从不）。</translation>
    </message>
    <message>
        <source>For registries that cannot send notifications: the daemon (or the window) scans what the instance&apos;s enabled rules cover that often and syncs tags that are new or changed since its last look, in tasks with trigger &quot;poll&quot;. A look that finds nothing new starts no task.</source>
        <translation>用于无法发送通知的镜像仓库：守护进程（或窗口）按此间隔扫描该实例已启用规则所覆盖的内容，并在触发方式为 &quot;poll&quot; 的任务中同步自上次检查以来新增或变化的 Tag。未发现新内容时不会启动任务。</translation>
    </message>
    <message>
        <source>SECONDS is 0 (no polling) or at least 10, not &quot;%1&quot;.</source>
        <translation>SECONDS 应为 0（不轮询）或不小于 10，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>Instance %1 is polled every %2 s while automatic sync runs.</source>
        <translation>自动同步运行期间，每 %2 秒轮询一次实例 %1。</translation>
    </message>
    <message>
        <source>Instance %1 is not polled.</source>
        <translation>实例 %1 不轮询。</translation>
    </message>
    <message>
        <source>Run a full sync of the rule on a schedule: &quot;every 30m&quot;, &quot;every 2h&quot;, &quot;daily 02:00&quot;, or &quot;off&quot;.</source>
        <translation>按计划对规则执行完整同步：&quot;every 30m&quot;、&quot;every 2h&quot;、&quot;daily 02:00&quot; 或 &quot;off&quot;。</translation>
    </message>
    <message>
        <source>Scheduled runs have trigger &quot;schedule&quot; and happen while automatic sync runs (crsync daemon, or the window). A run that would overlap the rule&apos;s running task is skipped and logged. &quot;crsync rule show NAME&quot; gives the next run.</source>
        <translation>计划运行的触发方式为 &quot;schedule&quot;，在自动同步运行期间（crsync daemon 或窗口）执行。与规则正在运行的任务重叠的运行会被跳过并记录。&quot;crsync rule show NAME&quot; 显示下次运行时间。</translation>
    </message>
    <message>
        <source>Rule %1 has no schedule.</source>
        <translation>规则 %1 没有计划。</translation>
    </message>
    <message>
        <source>Rule %1 runs %2 while automatic sync runs.</source>
        <translation>自动同步运行期间，规则 %1 将%2运行。</translation>
    </message>
    <message>
        <source>PEM certificate (chain) to answer with HTTPS; needed beyond loopback.</source>
        <translation>以 HTTPS 应答所用的 PEM 证书（链）；监听本机以外地址时必需。</translation>
    </message>
    <message>
        <source>PEM private key of --tls-cert.</source>
        <translation>--tls-cert 的 PEM 私钥。</translation>
    </message>
</context>
<context>
    <name>crsync::cli::InstanceCommands</name>
    <message>
        <source>JSON fields (stable): id (number), name, url, flavor (generic|harbor|tcr), accountId, region, username, caFile (strings, empty when unset), insecureSkipVerify, allowHttp (booleans). The password is never printed.</source>
        <translation>JSON 字段（稳定）：id（数字），name、url、flavor（generic|harbor|tcr）、accountId、region、username、caFile（字符串，未设置时为空），insecureSkipVerify、allowHttp（布尔值）。从不输出密码。</translation>
    </message>
    <message>
        <source>Add a registry instance (its password goes to the keychain).</source>
        <translation>添加一个镜像服务实例（其密码保存到钥匙串）。</translation>
    </message>
    <message>
        <source>Registry URL, https://host[:port] (http:// needs --allow-http).</source>
        <translation>镜像服务 URL，https://host[:port]（http:// 需要 --allow-http）。</translation>
    </message>
    <message>
        <source>Account ID; instances sharing it are the same account.</source>
        <translation>账号 ID；账号 ID 相同的实例属于同一主账号。</translation>
    </message>
    <message>
        <source>Region label.</source>
        <translation>地域标签。</translation>
    </message>
    <message>
        <source>generic (OCI distribution, default), harbor or tcr.</source>
        <translation>generic（OCI distribution，默认）、harbor 或 tcr。</translation>
    </message>
    <message>
        <source>User to log in as (needs --password-stdin).</source>
        <translation>登录所用的用户名（需要 --password-stdin）。</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>从标准输入的第一行读取密码。</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate(s), PEM.</source>
        <translation>额外信任的 CA 证书（PEM 格式）。</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (unsafe: anyone on the path can read the password).</source>
        <translation>跳过 TLS 证书校验（不安全：网络路径上的任何人都可以读取密码）。</translation>
    </message>
    <message>
        <source>Allow a plain http:// URL (unencrypted).</source>
        <translation>允许明文 http:// URL（不加密）。</translation>
    </message>
    <message>
        <source>List the instances.</source>
        <translation>列出实例。</translation>
    </message>
    <message>
        <source>--json prints an array of them.</source>
        <translation>--json 以数组形式输出。</translation>
    </message>
    <message>
        <source>Show one instance, the rules that use it, and whether its password is in the keychain.</source>
        <translation>查看一个实例、使用它的同步规则，以及其密码是否在钥匙串中。</translation>
    </message>
    <message>
        <source>Remove an instance and its keychain entry (refused while rules use it).</source>
        <translation>删除一个实例及其钥匙串条目（仍有同步规则使用时拒绝删除）。</translation>
    </message>
    <message>
        <source>Ping the registry with the stored credentials and report what it allows.</source>
        <translation>用已保存的凭证连接镜像服务，并报告它允许的操作。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a flavor; use generic, harbor or tcr.</source>
        <translation>“%1”不是有效的实例类型；请使用 generic、harbor 或 tcr。</translation>
    </message>
    <message>
        <source>warning: TLS verification is off for &quot;%1&quot;: anyone on the network path can impersonate the registry and read the password.</source>
        <translation>警告：“%1”的 TLS 校验已关闭：网络路径上的任何人都可以冒充该镜像服务并读取密码。</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; added: %2 (%3).</source>
        <translation>实例“%1”已添加：%2（%3）。</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>%2 上 %1 的密码： </translation>
    </message>
    <message>
        <source>No instances yet. Add one with &quot;crsync instance add NAME --url URL&quot;.</source>
        <translation>还没有实例。可用“crsync instance add NAME --url URL”添加。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>FLAVOR</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>none (http)</source>
        <translation>无（http）</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>不校验</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>verified (own CA)</source>
        <translation>已校验（自有 CA）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Flavor</source>
        <translation>实例类型</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>（匿名）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>TLS verification</source>
        <translation>TLS 校验</translation>
    </message>
    <message>
        <source>off (insecure)</source>
        <translation>关闭（不安全）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Plain HTTP allowed</source>
        <translation>允许明文 HTTP</translation>
    </message>
    <message>
        <source>Used by rules</source>
        <translation>使用它的同步规则</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(none: anonymous access)</source>
        <translation>（无：匿名访问）</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>已保存在钥匙串中</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; removed.</source>
        <translation>实例“%1”已删除。</translation>
    </message>
    <message>
        <source>none (anonymous access)</source>
        <translation>无（匿名访问）</translation>
    </message>
    <message>
        <source>accepted (user %1)</source>
        <translation>已接受（用户 %1）</translation>
    </message>
    <message>
        <source>REFUSED (user %1)</source>
        <translation>被拒绝（用户 %1）</translation>
    </message>
    <message>
        <source>MISSING from the keychain</source>
        <translation>钥匙串中缺失</translation>
    </message>
    <message>
        <source>none (anonymous)</source>
        <translation>无（匿名）</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像服务</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <source>yes (HTTP %1%2)</source>
        <translation>是（HTTP %1%2）</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Repositories visible</source>
        <translation>可见仓库数</translation>
    </message>
    <message>
        <source>not listed (%1)</source>
        <translation>无法列出（%1）</translation>
    </message>
    <message>
        <source>(--allow-http allows it.)</source>
        <translation>（可用 --allow-http 允许。）</translation>
    </message>
    <message>
        <source>(--password-stdin reads it from standard input.)</source>
        <translation>（--password-stdin 可从标准输入读取密码。）</translation>
    </message>
    <message>
        <source>User to log in as (needs --password-stdin); &quot;&quot; for anonymous access.</source>
        <translation>登录所用的用户名（需要 --password-stdin）；&quot;&quot; 表示匿名访问。</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate(s), PEM; &quot;&quot; removes it.</source>
        <translation>额外信任的 CA 证书（PEM 格式）；&quot;&quot; 表示删除。</translation>
    </message>
    <message>
        <source>Rename the instance.</source>
        <translation>重命名实例。</translation>
    </message>
    <message>
        <source>Verify TLS certificates again.</source>
        <translation>重新启用 TLS 证书校验。</translation>
    </message>
    <message>
        <source>Refuse plain http:// again.</source>
        <translation>重新拒绝明文 http://。</translation>
    </message>
    <message>
        <source>--insecure and --verify-tls contradict each other.</source>
        <translation>--insecure 与 --verify-tls 相互矛盾。</translation>
    </message>
    <message>
        <source>--allow-http and --no-allow-http contradict each other.</source>
        <translation>--allow-http 与 --no-allow-http 相互矛盾。</translation>
    </message>
    <message>
        <source>Registry instances: add, list, show, edit, remove, test the connection.</source>
        <translation>镜像服务实例：添加、列出、查看、编辑、删除、测试连接。</translation>
    </message>
    <message>
        <source>The password is never given on the command line: --password-stdin reads one line from standard input (printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | crsync instance add ...) and stores it in the keychain. Nothing is stored when any value is refused.</source>
        <translation>密码从不通过命令行传入：--password-stdin 从标准输入读取一行（printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | crsync instance add ...）并保存到钥匙串。任何一个值被拒绝时，不会保存任何内容。</translation>
    </message>
    <message>
        <source>Change any field of an instance, also while rules use it.</source>
        <translation>修改实例的任意字段，即使有同步规则正在使用它。</translation>
    </message>
    <message>
        <source>Only the flags given change. The password stays as it is unless --password-stdin gives a new one; a new --username needs its password, and --username &quot;&quot; switches to anonymous access (the password leaves the keychain). Tasks already running finish with the settings they started with.</source>
        <translation>只修改给出的选项。除非用 --password-stdin 提供新密码，否则密码保持不变；新的 --username 需要提供其密码，--username &quot;&quot; 则切换为匿名访问（密码将从钥匙串中删除）。正在运行的任务会按其开始时的配置完成。</translation>
    </message>
    <message>
        <source>show adds: rules (array of rule names using the instance), passwordStored (true, false, or null when no keychain answered or no username is set), keychainKey (the keychain entry of its password, empty without a username).</source>
        <translation>show 额外输出：rules（使用该实例的同步规则名称数组）、passwordStored（true、false，或在钥匙串无响应、未设置用户名时为 null）、keychainKey（其密码所在的钥匙串条目，未设置用户名时为空）。</translation>
    </message>
    <message>
        <source>Exit status 0 when the registry answered and accepted the credentials; 3 when it could not be reached, its certificate did not verify, or it refused the credentials.
JSON fields (stable): instance, url (strings), reachable (boolean), httpStatus (number), authScheme (&quot;&quot;, &quot;basic&quot;, &quot;bearer&quot;), apiVersion (string), credentials (&quot;accepted&quot;, &quot;refused&quot;, &quot;anonymous&quot;, &quot;missing&quot;), repositories (number, or null when the catalog is not allowed), catalogError (string or null), error (string or null), advice (string or null: what to do about the error).</source>
        <translation>镜像服务有响应并接受凭证时，退出状态为 0；无法连接、证书校验未通过或凭证被拒绝时为 3。
JSON 字段（稳定）：instance、url（字符串），reachable（布尔值），httpStatus（数字），authScheme（&quot;&quot;、&quot;basic&quot;、&quot;bearer&quot;），apiVersion（字符串），credentials（&quot;accepted&quot;、&quot;refused&quot;、&quot;anonymous&quot;、&quot;missing&quot;），repositories（数字，无权查看仓库目录时为 null），catalogError（字符串或 null），error（字符串或 null），advice（字符串或 null：针对该错误的处理建议）。</translation>
    </message>
    <message>
        <source>Instance &quot;%1&quot; updated.</source>
        <translation>实例“%1”已更新。</translation>
    </message>
    <message>
        <source>MISSING from the keychain: store it with &quot;crsync instance edit %1 --password-stdin&quot;</source>
        <translation>钥匙串中缺失：请用“crsync instance edit %1 --password-stdin”保存</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <source>NOT SENT (the token service is plain HTTP on another host)</source>
        <translation>未发送（令牌服务位于另一台主机且使用明文 HTTP）</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>仓库列举</translation>
    </message>
    <message>
        <source>closed: rules on this source sync the repositories their repository filter names (e.g. web|api|worker)</source>
        <translation>不可用：以此实例为源的规则同步其仓库过滤条件中列出的仓库（例如 web|api|worker）</translation>
    </message>
</context>
<context>
    <name>crsync::cli::LogCommands</name>
    <message>
        <source>The sync log: tasks and their artifacts.</source>
        <translation>同步日志：任务及其制品。</translation>
    </message>
    <message>
        <source>List tasks, newest first (&quot;crsync log&quot;).</source>
        <translation>列出任务，最新的在前（“crsync log”）。</translation>
    </message>
    <message>
        <source>--status takes Pending, InProgress, Succeeded, PartiallySucceeded, Failed, Canceled or Interrupted, or several separated by commas. JSON fields: id, ruleId, rule, source, target, trigger, status, created, started, finished (ISO 8601 UTC, empty when unset), durationMs, repositories, artifactsTotal, artifactsCopied, artifactsSkipped, artifactsFailed, successRatio (0..1), bytes, message.</source>
        <translation>--status 可取 Pending（等待中）、InProgress（同步中）、Succeeded（成功）、PartiallySucceeded（部分成功）、Failed（失败）、Canceled（已取消）或 Interrupted（已中断），多个值用英文逗号分隔。JSON 字段：id、ruleId、rule、source、target、trigger、status、created、started、finished（ISO 8601 UTC，未设置时为空）、durationMs、repositories、artifactsTotal、artifactsCopied、artifactsSkipped、artifactsFailed、successRatio（0..1）、bytes、message。</translation>
    </message>
    <message>
        <source>Only the tasks of this rule (also of a deleted one).</source>
        <translation>只显示该同步规则的任务（规则已删除也可）。</translation>
    </message>
    <message>
        <source>Only tasks with this status.</source>
        <translation>只显示该同步状态的任务。</translation>
    </message>
    <message>
        <source>At most N tasks (default 50; 0 = all).</source>
        <translation>最多 N 个任务（默认 50；0 = 全部）。</translation>
    </message>
    <message>
        <source>Show a task and each of its artifacts.</source>
        <translation>查看一个任务及其每个制品。</translation>
    </message>
    <message>
        <source>--limit takes a number of tasks, 0 for all.</source>
        <translation>--limit 需要一个任务数，0 表示全部。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task status; use Pending, InProgress, Succeeded, PartiallySucceeded, Failed, Canceled or Interrupted.</source>
        <translation>“%1”不是有效的任务状态；请使用 Pending、InProgress、Succeeded、PartiallySucceeded、Failed、Canceled 或 Interrupted。</translation>
    </message>
    <message>
        <source>There is no rule named &quot;%1&quot;, and no task of a deleted rule of that name (&quot;crsync rule list&quot; shows the rules).</source>
        <translation>不存在名为“%1”的同步规则，也没有同名已删除规则的任务（可用“crsync rule list”查看同步规则）。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>任务ID</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>同步规则</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>任务耗时</translation>
    </message>
    <message>
        <source>SUCCESS</source>
        <translation>成功比例</translation>
    </message>
    <message>
        <source>REPOS</source>
        <translation>同步仓库数</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>TRIGGER</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>ARTIFACTS</source>
        <translation>制品数</translation>
    </message>
    <message>
        <source>COPIED</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>SKIPPED</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>No tasks yet. &quot;crsync sync NAME&quot; starts one.</source>
        <translation>还没有任务。“crsync sync NAME”可触发同步。</translation>
    </message>
    <message>
        <source>No task matches.</source>
        <translation>没有符合条件的任务。</translation>
    </message>
    <message>
        <source>The newest %1 of %2 tasks; --limit N shows more (0 shows all).</source>
        <translation>共 %2 个任务，显示最新的 %1 个；--limit N 可显示更多（0 显示全部）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task ID; &quot;crsync log&quot; lists them.</source>
        <translation>“%1”不是任务ID；“crsync log”可列出任务。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务ID</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>同步规则</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源实例</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标实例</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>任务耗时</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>同步仓库数</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>制品</translation>
    </message>
    <message>
        <source>%1 total, %2 copied, %3 skipped, %4 failed</source>
        <translation>共 %1 个，已复制 %2 个，跳过 %3 个，失败 %4 个</translation>
    </message>
    <message>
        <source>Success ratio</source>
        <translation>成功比例</translation>
    </message>
    <message>
        <source>Bytes moved</source>
        <translation>传输量</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>源实例</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>目标实例</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>版本Tag</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>JSON: the task&apos;s fields (as in &quot;crsync log --json&quot;) and &quot;items&quot;: sourceRepository, targetRepository, tag, digest, kind (image|chart|other), outcome (copied|up-to-date|exists-not-overwritten|failed|canceled), bytes, durationMs, error, referrers (the signatures, attestations and SBOMs of the artifact at the target, for a rule that copies them).</source>
        <translation>JSON：任务的字段（同“crsync log --json”）以及 &quot;items&quot;：sourceRepository、targetRepository、tag、digest、kind（image|chart|other）、outcome（copied|up-to-date|exists-not-overwritten|failed|canceled）、bytes、durationMs、error、referrers（对同步签名的规则：目标端该制品的签名、证明和 SBOM 数量）。</translation>
    </message>
</context>
<context>
    <name>crsync::cli::PreviewCommand</name>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>up-to-date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>exists-not-overwritten</source>
        <translation>已存在未覆盖</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>源实例</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>目标实例</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>版本Tag</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Rule %1: %2 in %3: %4 to copy (at most %5), %6 up to date, %7 existing and not overwritten, %8 errors. Nothing was moved.</source>
        <translation>同步规则 %1：%3中共 %2：%4 个待复制（最多 %5），%6 个已是最新，%7 个已存在未覆盖，%8 个错误。未传输任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n artifact(s)</source>
        <translation>
            <numerusform>%n 个制品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n 个仓库</numerusform>
        </translation>
    </message>
    <message>
        <source>Show what a sync of the rule would do, moving nothing.</source>
        <translation>预览同步该规则会执行的操作，不传输任何内容。</translation>
    </message>
    <message>
        <source>Lists every repository:tag the rule takes (after its filters and resource type) with the action a sync would take: copy, up-to-date, exists-not-overwritten, or error. Exits 1 when an artifact could not be decided (3 when a registry could not be reached or refused the credentials). JSON fields: rule, repositories, copy, upToDate, existsNotOverwritten, errors, bytesAtMost (each blob counted once), artifacts (sourceRepository, targetRepository, tag, digest, kind, action, size, error).</source>
        <translation>列出该规则（经过滤条件和仓库类型筛选后）包含的每个 repository:tag，以及同步时会执行的操作：复制（copy）、已是最新（up-to-date）、已存在未覆盖（exists-not-overwritten）或错误（error）。有制品无法判断时以 1 退出（无法连接镜像服务或凭证被拒绝时以 3 退出）。JSON 字段：rule、repositories、copy、upToDate、existsNotOverwritten、errors、bytesAtMost（每个 blob 只计一次）、artifacts（sourceRepository、targetRepository、tag、digest、kind、action、size、error）。</translation>
    </message>
</context>
<context>
    <name>crsync::cli::RuleCommands</name>
    <message>
        <source>%1 as %2 (cross-account)</source>
        <translation>%1，用户 %2（跨主账号）</translation>
    </message>
    <message>
        <source>Create a rule.</source>
        <translation>创建同步规则。</translation>
    </message>
    <message>
        <source>List the rules.</source>
        <translation>列出同步规则。</translation>
    </message>
    <message>
        <source>--json prints an array of them.</source>
        <translation>--json 以数组形式输出。</translation>
    </message>
    <message>
        <source>Show one rule.</source>
        <translation>查看一条同步规则。</translation>
    </message>
    <message>
        <source>show adds: sharedCredentialsWith (names of other rules using the same cross-account credentials).</source>
        <translation>show 额外输出：sharedCredentialsWith（使用相同跨主账号凭证的其他同步规则名称）。</translation>
    </message>
    <message>
        <source>Change any field of a rule (same flags as create, plus --name, --no-overwrite, --enabled).</source>
        <translation>修改同步规则的任意字段（选项与 create 相同，另有 --name、--no-overwrite、--enabled）。</translation>
    </message>
    <message>
        <source>Only the flags given change. An empty value clears an optional field (--repo-filter &quot;&quot;). --target switches to a same-account target, --target-url to a cross-account one. A task already running finishes with the settings it started with.</source>
        <translation>只修改给出的选项。空值会清除可选字段（--repo-filter &quot;&quot;）。--target 改为同一主账号内的目标，--target-url 改为跨主账号的目标。正在运行的任务会按其开始时的配置完成。</translation>
    </message>
    <message>
        <source>Switch a rule on.</source>
        <translation>启用同步规则。</translation>
    </message>
    <message>
        <source>Switch a rule off: no events, no manual sync.</source>
        <translation>关闭同步规则：不再接收事件，也不能手动触发同步。</translation>
    </message>
    <message>
        <source>Delete a rule (asks first unless --yes); its sync logs are kept.</source>
        <translation>删除同步规则（除非给出 --yes，否则先确认）；其同步日志会保留。</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>不要求确认。</translation>
    </message>
    <message>
        <source>Without --yes the command asks on the terminal; when standard input is not a terminal it refuses (exit status 2). The rule&apos;s cross-account credentials leave the keychain unless another rule uses the same target and username.</source>
        <translation>不带 --yes 时，命令会在终端上询问；标准输入不是终端时拒绝执行（退出状态 2）。除非还有其他同步规则使用相同的目标和用户名，否则该规则的跨主账号凭证会从钥匙串中删除。</translation>
    </message>
    <message>
        <source>No rules yet. Create one with &quot;crsync rule create&quot;.</source>
        <translation>还没有同步规则。可用“crsync rule create”创建。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>源实例</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>目标实例</translation>
    </message>
    <message>
        <source>TARGET NS</source>
        <translation>目标命名空间</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>仓库类型</translation>
    </message>
    <message>
        <source>OVERWRITE</source>
        <translation>镜像覆盖</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Source instance</source>
        <translation>源实例</translation>
    </message>
    <message>
        <source>Source namespace</source>
        <translation>源命名空间</translation>
    </message>
    <message>
        <source>Repository filter</source>
        <translation>仓库名称</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>版本Tag</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>仓库类型</translation>
    </message>
    <message>
        <source>Cross-account</source>
        <translation>跨主账号</translation>
    </message>
    <message>
        <source>Target URL</source>
        <translation>目标 URL</translation>
    </message>
    <message>
        <source>Target username</source>
        <translation>目标用户名</translation>
    </message>
    <message>
        <source>Target flavor</source>
        <translation>目标实例类型</translation>
    </message>
    <message>
        <source>Target instance ID</source>
        <translation>目标实例 ID</translation>
    </message>
    <message>
        <source>Target CA file</source>
        <translation>目标 CA 文件</translation>
    </message>
    <message>
        <source>Target TLS verification</source>
        <translation>目标 TLS 校验</translation>
    </message>
    <message>
        <source>off (insecure)</source>
        <translation>关闭（不安全）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Credentials shared with</source>
        <translation>共用凭证的同步规则</translation>
    </message>
    <message>
        <source>(no other rule)</source>
        <translation>（无其他规则）</translation>
    </message>
    <message>
        <source>Target instance</source>
        <translation>目标实例</translation>
    </message>
    <message>
        <source>Target namespace</source>
        <translation>目标命名空间</translation>
    </message>
    <message>
        <source>%1 (same as the source)</source>
        <translation>%1（与源相同）</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>镜像覆盖</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is enabled.</source>
        <translation>同步规则“%1”已启用。</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is disabled.</source>
        <translation>同步规则“%1”已关闭。</translation>
    </message>
    <message>
        <source>Deleting rule &quot;%1&quot; needs confirmation, and standard input is not a terminal: pass --yes to delete without asking. Nothing was deleted.</source>
        <translation>删除同步规则“%1”需要确认，但标准输入不是终端：请加上 --yes 以不经询问直接删除。未删除任何内容。</translation>
    </message>
    <message>
        <source>Delete rule &quot;%1&quot;? Its sync logs are kept.</source>
        <translation>删除同步规则“%1”？其同步日志会保留。</translation>
    </message>
    <message>
        <source>Nothing deleted.</source>
        <translation>未删除任何内容。</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; deleted.</source>
        <translation>同步规则“%1”已删除。</translation>
    </message>
    <message numerus="yes">
        <source>Its %n sync log entries are kept.</source>
        <translation>
            <numerusform>其 %n 条同步日志会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Its cross-account credentials stay in the keychain for rule(s) %1.</source>
        <translation>其跨主账号凭证仍保留在钥匙串中，供同步规则 %1 使用。</translation>
    </message>
    <message>
        <source>Its cross-account credentials were removed from the keychain.</source>
        <translation>其跨主账号凭证已从钥匙串中删除。</translation>
    </message>
    <message>
        <source>A target is required: --target INSTANCE (same account) or --target-url URL --target-username U --target-password-stdin (cross-account).</source>
        <translation>必须指定目标：--target INSTANCE（同一主账号）或 --target-url URL --target-username U --target-password-stdin（跨主账号）。</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; updated.</source>
        <translation>同步规则“%1”已更新。</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; created.</source>
        <translation>同步规则“%1”已创建。</translation>
    </message>
    <message>
        <source>The new credentials of %1 at %2 replace the old ones for rule(s) %3 too.</source>
        <translation>%2 上 %1 的新凭证同时替换了同步规则 %3 所用的旧凭证。</translation>
    </message>
    <message>
        <source>warning: TLS verification is off for the target %1: anyone on the network path can impersonate it and read the password.</source>
        <translation>警告：目标 %1 的 TLS 校验已关闭：网络路径上的任何人都可以冒充它并读取密码。</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>%2 上 %1 的密码： </translation>
    </message>
    <message>
        <source>Replication rules: create, list, show, edit, enable, disable, clone, delete.</source>
        <translation>同步规则：创建、列出、查看、修改、启用、关闭、克隆、删除。</translation>
    </message>
    <message>
        <source>Every value is checked before anything is stored; a bad one is refused with exit status 2, naming the flag. Cross-account credentials are kept in the keychain per (target URL, username): giving a new password for the same target and user replaces it for every rule that uses them; when the keychain already holds them, --target-password-stdin may be left out.</source>
        <translation>保存前会检查每个值；有错误的值会被拒绝（退出状态 2），并指出对应的选项。跨主账号凭证按（目标 URL，用户名）保存在钥匙串中：为同一目标和用户提供新密码时，所有使用该凭证的规则都会一并替换；钥匙串中已有该凭证时，可以省略 --target-password-stdin。</translation>
    </message>
    <message>
        <source>Copy a rule under a new name; the copy starts disabled.</source>
        <translation>以新名称克隆一条同步规则；克隆出的规则初始为关闭状态。</translation>
    </message>
    <message>
        <source>Name of the copy (default: NAME-copy).</source>
        <translation>克隆规则的名称（默认：NAME-copy）。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; created as a copy; it is disabled until you enable it.</source>
        <translation>已克隆出同步规则“%1”；在您启用之前，它保持关闭状态。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Next scheduled run</source>
        <translation>下次计划运行</translation>
    </message>
    <message>
        <source>%1 (while automatic sync runs)</source>
        <translation>%1（自动同步运行期间）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>JSON fields (stable): id (number); name, description, source (instance name), sourceNamespace, repositoryFilter, tagFilter (empty = all), resourceType (image|chart|all) (strings); enabled, crossAccount, overwrite, withReferrers (signatures, attestations and SBOMs copied with each artifact) (booleans); target (instance name, null when cross-account); targetUrl (the target instance&apos;s URL, or the cross-account URL); targetUsername, targetCaFile, targetInstanceId (strings, empty unless cross-account); targetFlavor (string, null unless cross-account); targetInsecureSkipVerify, targetAllowHttp (booleans); targetNamespace (as given, empty = same as the source); effectiveTargetNamespace. Passwords are never printed.</source>
        <translation>JSON 字段（稳定）：id（数字）；name、description、source（实例名称）、sourceNamespace、repositoryFilter、tagFilter（为空 = 全部）、resourceType（image|chart|all）（字符串）；enabled、crossAccount、overwrite、withReferrers（随每个制品同步签名、证明和 SBOM）（布尔值）；target（实例名称，跨主账号时为 null）；targetUrl（目标实例的 URL，或跨主账号的 URL）；targetUsername、targetCaFile、targetInstanceId（字符串，非跨主账号时为空）；targetFlavor（字符串，非跨主账号时为 null）；targetInsecureSkipVerify、targetAllowHttp（布尔值）；targetNamespace（按填写的值，为空 = 与源相同）；effectiveTargetNamespace。从不输出密码。</translation>
    </message>
    <message>
        <source>REFERRERS</source>
        <translation>签名/SBOM</translation>
    </message>
    <message>
        <source>Signatures and SBOMs</source>
        <translation>签名和 SBOM</translation>
    </message>
</context>
<context>
    <name>crsync::cli::RuleFlags</name>
    <message>
        <source>(--target-allow-http allows it.)</source>
        <translation>（可用 --target-allow-http 允许。）</translation>
    </message>
    <message>
        <source>(For a target of another account use --target-url with --target-username and --target-password-stdin.)</source>
        <translation>（目标属于其他主账号时，请使用 --target-url 以及 --target-username 和 --target-password-stdin。）</translation>
    </message>
    <message>
        <source>Source instance (name).</source>
        <translation>源实例（名称）。</translation>
    </message>
    <message>
        <source>Source namespace (exactly one).</source>
        <translation>源命名空间（只能一个）。</translation>
    </message>
    <message>
        <source>Regex matched against the whole repository path below the namespace; empty = all.</source>
        <translation>匹配命名空间下完整仓库路径的正则表达式；为空 = 全部仓库。</translation>
    </message>
    <message>
        <source>Regex matched against the whole tag; empty = all.</source>
        <translation>匹配完整 Tag 的正则表达式；为空 = 全部版本。</translation>
    </message>
    <message>
        <source>Resource type: image, chart or all (default all).</source>
        <translation>仓库类型：image（容器镜像）、chart（Helm Chart）或 all（全部，默认）。</translation>
    </message>
    <message>
        <source>Target instance of the same account (name).</source>
        <translation>同一主账号内的目标实例（名称）。</translation>
    </message>
    <message>
        <source>Target namespace; empty = the source namespace&apos;s name.</source>
        <translation>目标命名空间；为空 = 与源命名空间同名。</translation>
    </message>
    <message>
        <source>Replace target tags that exist with another digest.</source>
        <translation>镜像覆盖：目标实例中已有同名 Tag 但 digest 不同时，予以替换。</translation>
    </message>
    <message>
        <source>Store the rule switched off.</source>
        <translation>创建后规则处于关闭状态。</translation>
    </message>
    <message>
        <source>Free text.</source>
        <translation>任意文本。</translation>
    </message>
    <message>
        <source>Cross-account: URL of the target registry (instead of --target).</source>
        <translation>跨主账号：目标镜像服务的 URL（代替 --target）。</translation>
    </message>
    <message>
        <source>Cross-account: a user-level account at the target (no robot$/tcr$ service accounts).</source>
        <translation>跨主账号：目标侧的用户级账号（不支持 robot$/tcr$ 服务级账号）。</translation>
    </message>
    <message>
        <source>Cross-account: read the target password from the first line of standard input.</source>
        <translation>跨主账号：从标准输入的第一行读取目标密码。</translation>
    </message>
    <message>
        <source>Cross-account: generic, harbor or tcr.</source>
        <translation>跨主账号：generic、harbor 或 tcr。</translation>
    </message>
    <message>
        <source>Cross-account: extra trusted CA certificate(s), PEM.</source>
        <translation>跨主账号：额外信任的 CA 证书（PEM 格式）。</translation>
    </message>
    <message>
        <source>Cross-account: skip TLS verification (unsafe).</source>
        <translation>跨主账号：跳过 TLS 校验（不安全）。</translation>
    </message>
    <message>
        <source>Cross-account: allow a plain http:// target URL.</source>
        <translation>跨主账号：允许明文 http:// 目标 URL。</translation>
    </message>
    <message>
        <source>Cross-account: the target&apos;s instance ID as its owner gave it.</source>
        <translation>跨主账号：目标账号提供的目标实例 ID。</translation>
    </message>
    <message>
        <source>Rename the rule.</source>
        <translation>重命名同步规则。</translation>
    </message>
    <message>
        <source>Leave existing target tags alone.</source>
        <translation>不覆盖目标实例中已有的 Tag。</translation>
    </message>
    <message>
        <source>Switch the rule on.</source>
        <translation>启用同步规则。</translation>
    </message>
    <message>
        <source>There is no instance named &quot;%1&quot; (see &quot;crsync instance list&quot;).</source>
        <translation>不存在名为“%1”的实例（可用“crsync instance list”查看）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a resource type; use image, chart or all.</source>
        <translation>“%1”不是有效的资源类型；请使用 image、chart 或 all。</translation>
    </message>
    <message>
        <source>Give either --target (an instance of the same account) or --target-url (cross-account), not both.</source>
        <translation>请只指定 --target（同一主账号内的实例）或 --target-url（跨主账号）其中之一，不能同时指定。</translation>
    </message>
    <message>
        <source>Only for a cross-account target (--target-url).</source>
        <translation>仅适用于跨主账号的目标（--target-url）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a flavor; use generic, harbor or tcr.</source>
        <translation>“%1”不是有效的实例类型；请使用 generic、harbor 或 tcr。</translation>
    </message>
    <message>
        <source>--overwrite and --no-overwrite contradict each other.</source>
        <translation>--overwrite 与 --no-overwrite 相互矛盾。</translation>
    </message>
    <message>
        <source>--enabled and --disabled contradict each other.</source>
        <translation>--enabled 与 --disabled 相互矛盾。</translation>
    </message>
    <message>
        <source>Copy the signatures, attestations and SBOMs of each artifact with it (the default for a new rule).</source>
        <translation>随每个制品同步其签名、证明和 SBOM（新规则的默认值）。</translation>
    </message>
    <message>
        <source>Do not copy them with it: their cosign tags (sha256-&lt;hex&gt;.sig, .att, .sbom) are then artifacts of their own, synced only with --type all.</source>
        <translation>不随制品同步它们：其 cosign Tag（sha256-&lt;hex&gt;.sig、.att、.sbom）即作为独立的制品，仅在 --type all 时同步。</translation>
    </message>
    <message>
        <source>--with-referrers and --no-referrers contradict each other.</source>
        <translation>--with-referrers 与 --no-referrers 相互矛盾。</translation>
    </message>
</context>
<context>
    <name>crsync::cli::SyncCommands</name>
    <message>
        <source>&quot;%1&quot; is not a task ID; &quot;crsync log&quot; lists them.</source>
        <translation>“%1”不是任务ID；“crsync log”可列出任务。</translation>
    </message>
    <message>
        <source>%1/%2 artifacts, %3 (%4/s), %5</source>
        <translation>%1/%2 个制品，%3（%4/s），%5</translation>
    </message>
    <message>
        <source>Sync a rule now: &quot;crsync sync NAME [--wait]&quot; prints the task ID; --wait stays until the task ends and exits 0 only when it succeeded.</source>
        <translation>立即触发同步：“crsync sync NAME [--wait]”输出任务ID；--wait 会一直等到任务结束，仅在任务成功时以 0 退出。</translation>
    </message>
    <message>
        <source>Start a task for the rule NAME and print its ID (&quot;crsync sync NAME&quot;).</source>
        <translation>为同步规则 NAME 启动一个任务并输出其 ID（“crsync sync NAME”）。</translation>
    </message>
    <message>
        <source>Stay until the task ends; exit 0 only when it succeeded.</source>
        <translation>等待任务结束；仅在任务成功时以 0 退出。</translation>
    </message>
    <message>
        <source>With --wait: no progress line, only the ID and the summary.</source>
        <translation>与 --wait 一起使用：不显示进度行，只输出任务ID和汇总。</translation>
    </message>
    <message>
        <source>Cancel a running sync task: &quot;crsync cancel TASK_ID&quot;.</source>
        <translation>取消正在运行的同步任务：“crsync cancel TASK_ID”。</translation>
    </message>
    <message>
        <source>Stop the task TASK_ID within seconds (&quot;crsync cancel TASK_ID&quot;).</source>
        <translation>在数秒内停止任务 TASK_ID（“crsync cancel TASK_ID”）。</translation>
    </message>
    <message>
        <source>Works on a task run by any crsync process of the same data dir. Waits until the task has stopped and prints its final status; exits 2 when the task is not running.</source>
        <translation>适用于使用同一数据目录的任意 crsync 进程所运行的任务。会等到任务停止后输出其最终状态；任务未在运行时以 2 退出。</translation>
    </message>
    <message>
        <source>Rule %1 is disabled; enable it before syncing it.</source>
        <translation>同步规则 %1 已关闭；请先启用再同步。</translation>
    </message>
    <message>
        <source>Could not start a background crsync for the task: %1. Run &quot;crsync sync %2 --wait&quot; instead.</source>
        <translation>无法为该任务启动后台 crsync：%1。请改为运行“crsync sync %2 --wait”。</translation>
    </message>
    <message>
        <source>The background crsync stopped before it started the task.</source>
        <translation>后台 crsync 在启动任务之前就停止了。</translation>
    </message>
    <message>
        <source>... more failures: crsync log show %1</source>
        <translation>... 更多失败：crsync log show %1</translation>
    </message>
    <message>
        <source>Task %1 %2.</source>
        <translation>任务 %1 %2。</translation>
    </message>
    <message>
        <source>Task %1 was asked to cancel but has not stopped within a minute.</source>
        <translation>已请求取消任务 %1，但它在一分钟内仍未停止。</translation>
    </message>
    <message>
        <source>Without --wait the task runs on in a background crsync process and the command returns at once; follow it with &quot;crsync log show TASK_ID&quot; and stop it with &quot;crsync cancel TASK_ID&quot;. With --wait the command stays until the task ends, shows its progress on a terminal, and exits 0 when it Succeeded, 1 otherwise, 3 when a registry or the keychain could not be reached at all (Ctrl+C cancels the task). A rule that is already syncing, or disabled, is refused with status 2.</source>
        <translation>不带 --wait 时，任务在后台 crsync 进程中继续运行，命令立即返回；可用“crsync log show TASK_ID”查看进度，用“crsync cancel TASK_ID”停止任务。带 --wait 时，命令会一直等到任务结束，在终端上显示进度；任务 Succeeded 时以 0 退出，否则以 1 退出，完全无法连接镜像服务或钥匙串时以 3 退出（Ctrl+C 取消任务）。正在同步中或已关闭的规则会被拒绝，退出状态为 2。</translation>
    </message>
    <message>
        <source>Task %1 %2: %3 in %4: %5 copied, %6 skipped, %7 failed; %8 moved in %9.</source>
        <translation>任务 %1 %2：%4中共 %3：已复制 %5 个，跳过 %6 个，失败 %7 个；耗时 %9，传输 %8。</translation>
    </message>
    <message numerus="yes">
        <source>%n artifact(s)</source>
        <translation>
            <numerusform>%n 个制品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n 个仓库</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>crsync::protocol</name>
    <message>
        <source>The registry sent a malformed WWW-Authenticate challenge (%1): %2</source>
        <translation>镜像服务发送了格式错误的 WWW-Authenticate 质询（%1）：%2</translation>
    </message>
    <message>
        <source>unexpected character at position %1</source>
        <translation>位置 %1 处有意外的字符</translation>
    </message>
    <message>
        <source>a parameter comes before any scheme</source>
        <translation>参数出现在认证方式之前</translation>
    </message>
    <message>
        <source>a quoted value is not closed</source>
        <translation>引号内的值没有闭合</translation>
    </message>
    <message>
        <source>the parameter %1 has no value</source>
        <translation>参数 %1 没有值</translation>
    </message>
    <message>
        <source>expected a comma at position %1</source>
        <translation>位置 %1 处应为逗号</translation>
    </message>
    <message>
        <source>no scheme</source>
        <translation>没有认证方式</translation>
    </message>
</context>
</TS>
