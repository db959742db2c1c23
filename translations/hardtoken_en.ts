<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>（記録していません）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>PostgreSQL（共有）</source>
        <translation>PostgreSQL (shared)</translation>
    </message>
    <message>
        <source>バージョン</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>ログファイル</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>使用しているライブラリとライセンス:</source>
        <translation>Libraries in use and their licences:</translation>
    </message>
    <message>
        <source>このコンソールについて</source>
        <translation>About this console</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>入力を消去</source>
        <translation>Clear the text</translation>
    </message>
</context>
<context>
    <name>AuditExport</name>
    <message>
        <source>監査ログが改ざんされているため、書き出しませんでした。</source>
        <translation>The audit log was altered, so it was not exported.</translation>
    </message>
    <message>
        <source>ファイル %1 に書き込めません: %2</source>
        <translation>Cannot write to file %1: %2</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>監査ログ %1 番が削除されています。</source>
        <translation>Audit log entry %1 has been deleted.</translation>
    </message>
    <message>
        <source>監査ログ %1 番が改ざんされています。</source>
        <translation>Audit log entry %1 has been altered.</translation>
    </message>
    <message>
        <source>監査ログの末尾の記録（アンカー）がありません。</source>
        <translation>The audit log&apos;s end record (anchor) is missing.</translation>
    </message>
    <message>
        <source>監査ログの末尾の記録（アンカー）が改ざんされています。</source>
        <translation>The audit log&apos;s end record (anchor) has been altered.</translation>
    </message>
    <message>
        <source>監査ログは %1 件あるはずですが、%2 件しかありません。末尾が削除されています。</source>
        <translation>The audit log should have %1 entries but has only %2. Entries at its end have been deleted.</translation>
    </message>
</context>
<context>
    <name>AuditViewerDialog</name>
    <message>
        <source>監査ログ</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <source>絞り込み</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>契約法人コード(&amp;C)</source>
        <translation>Corporate code(&amp;C)</translation>
    </message>
    <message>
        <source>契約法人コード</source>
        <translation>Corporate code</translation>
    </message>
    <message>
        <source>利用者(&amp;U)</source>
        <translation>User(&amp;U)</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>User</translation>
    </message>
    <message>
        <source>シリアル番号(&amp;N)</source>
        <translation>Serial number(&amp;N)</translation>
    </message>
    <message>
        <source>シリアル番号</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>操作(&amp;O)</source>
        <translation>Action(&amp;O)</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>操作者(&amp;S)</source>
        <translation>Actor(&amp;S)</translation>
    </message>
    <message>
        <source>操作者</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>期間(&amp;D)</source>
        <translation>Period(&amp;D)</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>From</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>To</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>監査ログの一覧</source>
        <translation>Audit log entries</translation>
    </message>
    <message>
        <source>CSV に書き出す（監査ログを検査してから、表示中の行を UTF-8・BOM 付きで）</source>
        <translation>Export as CSV (the log is verified first; the rows shown, UTF-8 with BOM)</translation>
    </message>
    <message>
        <source>担当者ID(&amp;I)</source>
        <translation>Staff ID(&amp;I)</translation>
    </message>
    <message>
        <source>担当者ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>パスワード(&amp;P)</source>
        <translation>Password(&amp;P)</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>書き出す(&amp;E)...</source>
        <translation>Export(&amp;E)...</translation>
    </message>
</context>
<context>
    <name>CoachPanel</name>
    <message>
        <source>ヒント(&amp;I)</source>
        <translation>H&amp;int</translation>
    </message>
    <message>
        <source>次の手順を表示します</source>
        <translation>Shows the next step</translation>
    </message>
    <message>
        <source>見本(&amp;D)</source>
        <translation>&amp;Demonstrate</translation>
    </message>
    <message>
        <source>この手順を画面でゆっくり実演し、操作をお返しします</source>
        <translation>Plays this step slowly on the screen, then hands control back to you</translation>
    </message>
    <message>
        <source>練習をやめる</source>
        <translation>Stop the exercise</translation>
    </message>
    <message>
        <source>結果の報告書（PDF）を保存(&amp;P)...</source>
        <translation>Save the result report (&amp;PDF)...</translation>
    </message>
    <message>
        <source>結果を CSV で保存(&amp;C)...</source>
        <translation>Save the result as &amp;CSV...</translation>
    </message>
    <message>
        <source>別の練習を始める(&amp;N)...</source>
        <translation>Start a&amp;nother exercise...</translation>
    </message>
</context>
<context>
    <name>CorporateStatusPage</name>
    <message>
        <source>契約法人ステータス</source>
        <translation>Corporate Status</translation>
    </message>
    <message>
        <source>契約法人情報</source>
        <translation>Corporation</translation>
    </message>
    <message>
        <source>契約法人名</source>
        <translation>Corporation name</translation>
    </message>
    <message>
        <source>契約法人ID</source>
        <translation>Corporation ID</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用形態</source>
        <translation>Card hard token usage mode</translation>
    </message>
    <message>
        <source>利用登録済みのトークン</source>
        <translation>Registered tokens</translation>
    </message>
    <message>
        <source>ご利用状況</source>
        <translation>Service status</translation>
    </message>
    <message>
        <source>契約法人管理情報変更</source>
        <translation>Change Corporate Administration Information</translation>
    </message>
    <message>
        <source>[契約法人管理情報変更]-[利用者情報登録/変更]</source>
        <translation>[Change Corporate Administration Information]-[Register/Change User Information]</translation>
    </message>
</context>
<context>
    <name>CorporationSelectionPage</name>
    <message>
        <source>契約法人の選択</source>
        <translation>Select a Corporation</translation>
    </message>
    <message>
        <source>お手続きをされる契約法人を、契約法人コード（全桁）または契約法人名（一部でも可）で検索して選択してください。</source>
        <translation>Find the corporation to serve by its corporate code (all digits) or by its name (any part of it), and select it.</translation>
    </message>
    <message>
        <source>契約法人コード・契約法人名(&amp;S)</source>
        <translation>Corporate code or name(&amp;S)</translation>
    </message>
    <message>
        <source>契約法人コード・契約法人名</source>
        <translation>Corporate code or name</translation>
    </message>
    <message>
        <source>契約法人の一覧</source>
        <translation>Corporations</translation>
    </message>
    <message>
        <source>選択</source>
        <translation>Select</translation>
    </message>
</context>
<context>
    <name>CorporationTable</name>
    <message>
        <source>契約法人の誤入力回数または利用中止の記録が、コンソールの外で変更されています。お問い合わせ先までご照会ください。</source>
        <translation>The corporation&apos;s wrong-entry counts or suspension record were changed outside the console. Please contact the help desk.</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>%1 行目で始まる &quot; が閉じられていません。</source>
        <translation>The &quot; that starts on line %1 is not closed.</translation>
    </message>
    <message>
        <source>ファイルは UTF-8 ではありません。</source>
        <translation>The file is not UTF-8.</translation>
    </message>
    <message>
        <source>ファイルの文字コードを読み取れません（UTF-8 でも Shift_JIS でもありません）。</source>
        <translation>The file&apos;s encoding cannot be read (neither UTF-8 nor Shift_JIS).</translation>
    </message>
    <message>
        <source>ファイルは Shift_JIS (CP932) ではありません。</source>
        <translation>The file is not Shift_JIS (CP932).</translation>
    </message>
    <message>
        <source>文字コード %1 には対応していません（utf-8、shift_jis、cp932）。</source>
        <translation>Encoding %1 is not supported (utf-8, shift_jis, cp932).</translation>
    </message>
</context>
<context>
    <name>DeskSignInPage</name>
    <message>
        <source>担当者のサインイン</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <source>一定時間操作がなかったため、画面をロックしました。入力中の内容は破棄しました。</source>
        <translation>The screen was locked because nothing was done for a while. What was being entered has been discarded.</translation>
    </message>
    <message>
        <source>本番用データベースです。窓口の担当者がサインインしてから手続きを始めます。手続きは、サインインした担当者の名前で監査ログに記録されます。</source>
        <translation>This is a production database. The staff member at the desk signs in before starting a procedure. Procedures are recorded in the audit log under the name of the staff member signed in.</translation>
    </message>
    <message>
        <source>担当者ID(&amp;I)</source>
        <translation>Staff &amp;ID</translation>
    </message>
    <message>
        <source>担当者ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>パスワード(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>サインイン</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>ExerciseLoader</name>
    <message>
        <source>文字列が必要です</source>
        <translation>a string is required</translation>
    </message>
    <message>
        <source>練習ファイルの %1 行目に誤りがあります: %2</source>
        <translation>Line %1 of the exercise file is wrong: %2</translation>
    </message>
    <message>
        <source>最上位は JSON オブジェクトでなければなりません</source>
        <translation>the top level must be a JSON object</translation>
    </message>
    <message>
        <source>練習の項目 %1 が正しくありません: %2</source>
        <translation>The exercise field %1 is not valid: %2</translation>
    </message>
    <message>
        <source>このコンソールが読めるのは形式 %1 です</source>
        <translation>this console reads format %1</translation>
    </message>
    <message>
        <source>半角英小文字・数字・ハイフン・ピリオド（64 文字まで）が必要です</source>
        <translation>lower-case letters, digits, hyphens and periods are required (up to 64 characters)</translation>
    </message>
    <message>
        <source>シナリオ %1 がありません</source>
        <translation>the scenario %1 does not exist</translation>
    </message>
    <message>
        <source>手順の配列（1 つ以上）が必要です</source>
        <translation>an array of steps (at least one) is required</translation>
    </message>
    <message>
        <source>マニュアルの手順（9.1-1 など）か suspended / unlock が必要です</source>
        <translation>a step of the manual (such as 9.1-1), suspended or unlock is required</translation>
    </message>
    <message>
        <source>練習ファイル %1 を開けません。</source>
        <translation>Cannot open the exercise file %1.</translation>
    </message>
    <message>
        <source>shared か individual が必要です</source>
        <translation>&quot;shared&quot; or &quot;individual&quot; is required</translation>
    </message>
    <message>
        <source>10 桁のシリアル番号が必要です</source>
        <translation>a 10-digit serial number is required</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>本番用データベースの準備</source>
        <translation>Preparing the Production Database</translation>
    </message>
    <message>
        <source>このデータベースには、まだ契約法人が登録されていません。管理者が次の手順で準備すると、契約法人の選択から第9章の手続きを始められます。</source>
        <translation>No corporation is registered in this database yet. Once an administrator has done the steps below, the chapter 9 procedures start from selecting a corporation.</translation>
    </message>
    <message>
        <source>準備ができたか確認する</source>
        <translation>Check whether it is ready</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>File(&amp;F)</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>参照(&amp;B)...</source>
        <translation>Browse(&amp;B)...</translation>
    </message>
    <message>
        <source>文字コード(&amp;C)</source>
        <translation>Encoding(&amp;C)</translation>
    </message>
    <message>
        <source>文字コード</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <source>ファイルにない利用者を削除する（利用登録も解除）(&amp;D)</source>
        <translation>Remove users missing from the file (their registrations are released too)(&amp;D)</translation>
    </message>
    <message>
        <source>事前共有鍵のファイル(&amp;K)</source>
        <translation>Pre-shared key file(&amp;K)</translation>
    </message>
    <message>
        <source>事前共有鍵のファイル</source>
        <translation>Pre-shared key file</translation>
    </message>
    <message>
        <source>PSKC が事前共有鍵で暗号化されているとき（16 進数）</source>
        <translation>When the PSKC is encrypted with a pre-shared key (hexadecimal)</translation>
    </message>
    <message>
        <source>パスフレーズ(&amp;A)</source>
        <translation>Passphrase(&amp;A)</translation>
    </message>
    <message>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>PSKC がパスフレーズで暗号化されているとき</source>
        <translation>When the PSKC is encrypted with a passphrase</translation>
    </message>
    <message>
        <source>シリアル番号の接頭辞(&amp;X)</source>
        <translation>Serial number prefix(&amp;X)</translation>
    </message>
    <message>
        <source>シリアル番号の接頭辞</source>
        <translation>Serial number prefix</translation>
    </message>
    <message>
        <source>登録済みのシリアル番号を置き換える（利用登録済みのトークンの状態は変えない）(&amp;R)</source>
        <translation>Replace known serial numbers (a registered token&apos;s state is kept)(&amp;R)</translation>
    </message>
    <message>
        <source>担当者ID(&amp;I)</source>
        <translation>Staff ID(&amp;I)</translation>
    </message>
    <message>
        <source>担当者ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>パスワード(&amp;P)</source>
        <translation>Password(&amp;P)</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>取り込みの結果</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>確認だけする(&amp;T)</source>
        <translation>Check only(&amp;T)</translation>
    </message>
    <message>
        <source>取り込む(&amp;M)</source>
        <translation>Import(&amp;M)</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>参照(&amp;E)...</source>
        <translation>Brows&amp;e...</translation>
    </message>
    <message>
        <source>事前共有鍵のファイルを参照</source>
        <translation>Browse for the pre-shared key file</translation>
    </message>
</context>
<context>
    <name>IndividualRegistrationConfirmPage</name>
    <message>
        <source>カード型ハードトークン利用登録確認</source>
        <translation>Card Hard Token Registration Confirmation</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用登録情報の追加を行います。</source>
        <translation>Add card hard token registrations.</translation>
    </message>
    <message>
        <source>利用登録の追加</source>
        <translation>Add a registration</translation>
    </message>
    <message>
        <source>続けて他の利用者を利用登録する場合、「追加」ボタンを押してください。</source>
        <translation>To register another user, press the &quot;Add&quot; button.</translation>
    </message>
    <message>
        <source>①</source>
        <translation>①</translation>
    </message>
    <message>
        <source>追加 &gt;</source>
        <translation>Add &gt;</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>利用登録情報の一覧</source>
        <translation>Registrations to be made</translation>
    </message>
    <message>
        <source>作成された利用登録情報は以下の通りです。
不要な利用登録情報を削除する場合は、対象の利用登録情報をチェックし、「削除」ボタンを押してください。</source>
        <translation>The registrations you have created are listed below.
To delete a registration you do not need, check it and press the &quot;Delete&quot; button.</translation>
    </message>
    <message>
        <source>②</source>
        <translation>②</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>利用登録情報はありません。「追加」ボタンを押して、利用登録情報を追加してください。</source>
        <translation>There are no registrations. Press the &quot;Add&quot; button to add one.</translation>
    </message>
    <message>
        <source>利用登録を行うには、契約法人確認暗証番号の認証が必要です。
契約法人確認暗証番号を入力し、「OK」ボタンを押してください。</source>
        <translation>Registration requires authentication with the corporate confirmation PIN.
Enter the corporate confirmation PIN and press the &quot;OK&quot; button.</translation>
    </message>
    <message>
        <source>▲ ページ上部へ</source>
        <translation>▲ Back to top</translation>
    </message>
    <message>
        <source>ページ上部へ</source>
        <translation>Back to top of page</translation>
    </message>
    <message>
        <source>契約法人管理情報変更 &gt; 利用者情報登録/変更</source>
        <translation>Change Corporate Administration Information &gt; Register/Change User Information</translation>
    </message>
    <message>
        <source>利用登録情報の一覧の上</source>
        <translation>above the registration list</translation>
    </message>
    <message>
        <source>利用登録情報の一覧の下</source>
        <translation>below the registration list</translation>
    </message>
</context>
<context>
    <name>IndividualRegistrationInputPage</name>
    <message>
        <source>カード型ハードトークン利用登録入力</source>
        <translation>Card Hard Token Registration Input</translation>
    </message>
    <message>
        <source>利用者を選択し、利用登録するカード型ハードトークンのシリアル番号とワンタイムパスワードを入力し、「次へ」ボタンを押してください。
追加しない場合は、利用者の選択、利用登録入力をせずに「入力完了」ボタンを押してください。</source>
        <translation>Select a user, enter the serial number and one-time password of the card hard token to register, and press the &quot;Next&quot; button.
If you are not adding a registration, press the &quot;Input complete&quot; button without selecting a user or entering anything.</translation>
    </message>
    <message>
        <source>利用者の選択</source>
        <translation>Select a user</translation>
    </message>
    <message>
        <source>利用者名で絞り込み</source>
        <translation>Filter by user name</translation>
    </message>
    <message>
        <source>✎ メモ</source>
        <translation>✎ Note</translation>
    </message>
    <message>
        <source>・カード型ハードトークンの利用登録用ワンタイムパスワードを発行するボタンを押してください。</source>
        <translation>• Press the button on the card hard token that issues the one-time password for registration.</translation>
    </message>
    <message>
        <source>・[入力完了]ボタンは、[次へ]ボタンを押したあとに表示される[カード型ハードトークン利用登録確認]画面で[追加]ボタンを押して、[カード型ハードトークン利用登録入力]画面に戻った場合に表示されます。[カード型ハードトークン利用登録入力]画面に戻ったあとに、利用登録情報を追加または変更しないで次の画面へ進む場合は、[入力完了]ボタンを押します。</source>
        <translation>• The [Input complete] button appears when you return to the [Card Hard Token Registration Input] screen by pressing [Add] on the [Card Hard Token Registration Confirmation] screen shown after [Next]. To go on to the next screen without adding or changing a registration, press [Input complete].</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>入力完了</source>
        <translation>Input complete</translation>
    </message>
    <message>
        <source>契約法人管理情報変更 &gt; 利用者情報登録/変更</source>
        <translation>Change Corporate Administration Information &gt; Register/Change User Information</translation>
    </message>
</context>
<context>
    <name>KeyFile</name>
    <message>
        <source>暗号鍵ファイル %1 を作成できません。</source>
        <translation>Cannot create the key file %1.</translation>
    </message>
    <message>
        <source>データベースに暗号鍵の確認値がありません。データベースは変更していません。</source>
        <translation>The database has no key check value. The database was not changed.</translation>
    </message>
    <message>
        <source>暗号鍵ファイル %1 はこのデータベースのものではありません。</source>
        <translation>The key file %1 does not belong to this database.</translation>
    </message>
    <message>
        <source>暗号鍵ファイル %1 を更新できません。</source>
        <translation>Cannot update the key file %1.</translation>
    </message>
    <message>
        <source>データベースが開かれていません。</source>
        <translation>The database is not open.</translation>
    </message>
    <message>
        <source>改ざんされた記録があるため、暗号鍵を替えられません（hardtoken-cli audit --verify）。</source>
        <translation>Records were altered, so the data key cannot be replaced (hardtoken-cli audit --verify).</translation>
    </message>
    <message>
        <source>トークン %1 の秘密鍵を開けません。暗号鍵は替えていません。</source>
        <translation>The secret of token %1 cannot be opened. The data key was not replaced.</translation>
    </message>
    <message>
        <source>暗号鍵は替わりましたが、ファイル %1 を置き換えられません。%2 が新しい暗号鍵です。</source>
        <translation>The data key was replaced, but file %1 could not be replaced. %2 holds the new key.</translation>
    </message>
    <message>
        <source>暗号鍵ファイル %1 の形式が正しくないか、読み込めません。</source>
        <translation>The key file %1 is malformed or cannot be read.</translation>
    </message>
    <message>
        <source>暗号鍵ファイル %1 が見つかりません（キーチェーンにもありません）。このデータベースのトークン情報は鍵がないと利用できません。データベースは変更していません。</source>
        <translation>The key file %1 was not found (nor is the key in the keychain). The token data of this database cannot be used without the key. The database was not changed.</translation>
    </message>
</context>
<context>
    <name>ManualExport</name>
    <message>
        <source>%1 を書き込めません。</source>
        <translation>Cannot write %1.</translation>
    </message>
    <message>
        <source>画像 %1 を読めません。</source>
        <translation>Cannot read the picture %1.</translation>
    </message>
    <message>
        <source>%1: HTML</source>
        <translation>%1: HTML</translation>
    </message>
    <message>
        <source>%1: PDF</source>
        <translation>%1: PDF</translation>
    </message>
    <message>
        <source>%1 を読めません。</source>
        <translation>%1 cannot be read.</translation>
    </message>
    <message>
        <source>%1 に画像を書き込めません。</source>
        <translation>Cannot write the pictures into %1.</translation>
    </message>
</context>
<context>
    <name>ManualSteps</name>
    <message>
        <source>⚠️ ご注意</source>
        <translation>⚠️ Caution</translation>
    </message>
    <message>
        <source>✎ メモ</source>
        <translation>✎ Note</translation>
    </message>
    <message>
        <source>9. カード型ハードトークンの利用形態の設定・登録</source>
        <translation>9. Setting the usage mode of card hard tokens and registering them</translation>
    </message>
    <message>
        <source>2023年9月版</source>
        <translation>September 2023 edition</translation>
    </message>
    <message>
        <source>[契約法人ステータス]画面で、[契約法人管理情報変更]-[利用者情報登録/変更]リンクをクリックします。</source>
        <translation>On the [Corporate Status] screen, click the [Change Corporate Administration Information]-[Register/Change User Information] link.</translation>
    </message>
    <message>
        <source>[利用者情報選択]画面で、**利用登録** ボタンを押します。</source>
        <translation>On the [User Information Selection] screen, press the **Register** button.</translation>
    </message>
    <message>
        <source>ワンタイムパスワードの表示は、一定の時間が経過すると自動的に消えます。この場合は、ワンタイムパスワードを再発行してください。</source>
        <translation>The one-time password disappears from the display after a certain time. If it has, issue a new one-time password.</translation>
    </message>
    <message>
        <source>シリアル番号またはワンタイムパスワードを一定回数以上誤って入力すると、本システムは利用中止状態になります。利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。</source>
        <translation>If the serial number or one-time password is entered wrongly a certain number of times, this system is suspended. To lift the suspension, contact the help desk for this system.</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用登録用ワンタイムパスワードを発行するボタンを押してください。</source>
        <translation>Press the button on the card hard token that issues the one-time password for registration.</translation>
    </message>
    <message>
        <source>カード型ハードトークン（裏）：シリアル番号の位置</source>
        <translation>Card hard token (back): where the serial number is</translation>
    </message>
    <message>
        <source>カード型ハードトークン（表）：利用登録用ワンタイムパスワードを発行するボタンの位置</source>
        <translation>Card hard token (front): the button that issues the one-time password for registration</translation>
    </message>
    <message>
        <source>9.1 カード型ハードトークンの利用形態を設定する</source>
        <translation>9.1 Setting the card hard token usage mode</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用形態を管理者が設定または変更する手順について、説明します。利用形態は次のどちらかを選択します。</source>
        <translation>This section describes how the administrator sets or changes the card hard token usage mode. Choose one of these usage modes:</translation>
    </message>
    <message>
        <source>全ての利用者が同じトークンを利用する（利用者間で同一のトークンを共有する）</source>
        <translation>All users use the same token (the users share one token)</translation>
    </message>
    <message>
        <source>全ての利用者が異なるトークンを利用する（利用者が個々にトークンを所有する）</source>
        <translation>Each user uses a different token (every user has a token of their own)</translation>
    </message>
    <message>
        <source>利用者を数名ずつのグループに分けて、グループ内で同じトークンを共有するという利用形態はありません。</source>
        <translation>There is no usage mode in which users are divided into groups that each share a token.</translation>
    </message>
    <message>
        <source>利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。</source>
        <translation>If the usage mode is changed, the card hard token registrations are cancelled.</translation>
    </message>
    <message>
        <source>[利用者情報選択]画面で、**変更** ボタンを押します。</source>
        <translation>On the [User Information Selection] screen, press the **Change** button.</translation>
    </message>
    <message>
        <source>[カード型ハードトークン利用形態設定確認]画面で、カード型ハードトークンの利用形態を選択して、契約法人確認暗証番号を入力したあと、**OK** ボタンを押します。利用形態の設定が完了して、[利用者情報選択]画面に戻ります。</source>
        <translation>On the [Card Hard Token Usage Mode Confirmation] screen, select the card hard token usage mode, enter the corporate confirmation PIN, and press the **OK** button. The usage mode is set and the [User Information Selection] screen returns.</translation>
    </message>
    <message>
        <source>9.2 カード型ハードトークンの利用登録をする</source>
        <translation>9.2 Registering card hard tokens</translation>
    </message>
    <message>
        <source>管理者がカード型ハードトークンの利用登録をする手順について、説明します。</source>
        <translation>This section explains how the administrator registers card hard tokens.</translation>
    </message>
    <message>
        <source>利用登録とは、カード型ハードトークンのシリアル番号と利用者を紐付けてシステムに登録することです。利用登録の手順は、カード型ハードトークンの利用形態によって異なります。</source>
        <translation>Registration links the serial number of a card hard token to users in the system. The procedure depends on the card hard token usage mode.</translation>
    </message>
    <message>
        <source>9.2.1 全ての利用者が同じトークンを利用する場合</source>
        <translation>9.2.1 When all users use the same token</translation>
    </message>
    <message>
        <source>全ての利用者が同じカード型ハードトークンを利用する場合の利用登録をする手順および登録済みの情報を変更する手順について、説明します。</source>
        <translation>This section explains how to register the card hard token when all users use the same token, and how to change what is registered.</translation>
    </message>
    <message>
        <source>[カード型ハードトークン利用登録入力]画面で、利用登録するカード型ハードトークンのシリアル番号およびワンタイムパスワードを入力したあと、**次へ** ボタンを押します。</source>
        <translation>On the [Card Hard Token Registration Input] screen, enter the serial number and one-time password of the card hard token to register, and press the **Next** button.</translation>
    </message>
    <message>
        <source>[カード型ハードトークン利用登録確認]画面で、契約法人確認暗証番号を入力して、**OK** ボタンを押すと、カード型ハードトークンの利用登録は完了です。利用登録の完了後、[利用者情報選択]画面に戻ります。</source>
        <translation>On the [Card Hard Token Registration Confirmation] screen, enter the corporate confirmation PIN and press the **OK** button: the card hard token is registered. The [User Information Selection] screen then returns.</translation>
    </message>
    <message>
        <source>9.2.2 全ての利用者が異なるトークンを利用する場合</source>
        <translation>9.2.2 When each user uses a different token</translation>
    </message>
    <message>
        <source>管理者が全ての利用者が異なるカード型ハードトークンを利用する場合の利用登録をする手順および登録済みの情報を変更する手順について、説明します。</source>
        <translation>This section explains how the administrator registers card hard tokens when every user uses a different token, and how to change what is registered.</translation>
    </message>
    <message>
        <source>[カード型ハードトークン利用登録入力]画面で、カード型ハードトークンを使用する利用者を選択します。利用登録の対象となるカード型ハードトークンのシリアル番号およびワンタイムパスワードを入力したあと、**次へ** ボタンを押します。</source>
        <translation>On the [Card Hard Token Registration Input] screen, select the user who will use the card hard token. Enter the serial number and one-time password of the card hard token to register, and press the **Next** button.</translation>
    </message>
    <message>
        <source>[入力完了]ボタンは、[次へ]ボタンを押したあとに表示される[カード型ハードトークン利用登録確認]画面で[追加]ボタンを押して、[カード型ハードトークン利用登録入力]画面に戻った場合に表示されます。[カード型ハードトークン利用登録入力]画面に戻ったあとに、利用登録情報を追加または変更しないで次の画面へ進む場合は、[入力完了]ボタンを押します。</source>
        <translation>The [Input complete] button appears when you return to the [Card Hard Token Registration Input] screen by pressing [Add] on the [Card Hard Token Registration Confirmation] screen shown after [Next]. To go on to the next screen without adding or changing a registration, press [Input complete].</translation>
    </message>
    <message>
        <source>[カード型ハードトークン利用登録確認]画面で、契約法人確認暗証番号を入力して、**OK** ボタンを押すと、カード型ハードトークンの利用登録は完了です。利用登録情報の一覧の情報が反映されて、[利用者情報選択]画面に戻ります。</source>
        <translation>On the [Card Hard Token Registration Confirmation] screen, enter the corporate confirmation PIN and press the **OK** button: the card hard tokens are registered. The registrations in the list take effect and the [User Information Selection] screen returns.</translation>
    </message>
    <message>
        <source>● 利用登録情報を追加・変更する場合</source>
        <translation>● To add or change a registration</translation>
    </message>
    <message>
        <source>① **追加** ボタンを押します。[カード型ハードトークン利用登録入力]画面に戻って、利用登録情報を入力してください。</source>
        <translation>Press the ① **Add** button. Back on the [Card Hard Token Registration Input] screen, enter the registration.</translation>
    </message>
    <message>
        <source>● 利用登録情報を削除する場合</source>
        <translation>● To delete a registration</translation>
    </message>
    <message>
        <source>対象の情報を選択して、② **削除** ボタンを押します。</source>
        <translation>Check the registration and press the ② **Delete** button.</translation>
    </message>
    <message>
        <source>利用登録情報の一覧の上下にある同じ名称のボタンは、どちらを押しても同じ画面に遷移します。</source>
        <translation>The buttons of the same name above and below the list of registrations do the same thing, whichever you press.</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>現在の位置</source>
        <translation>You are here</translation>
    </message>
    <message>
        <source>トップ</source>
        <translation>Top</translation>
    </message>
</context>
<context>
    <name>PinConfirmation</name>
    <message>
        <source>契約法人確認暗証番号</source>
        <translation>Corporate confirmation PIN</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>ファイルが大きすぎます（%1 MB まで）。</source>
        <translation>The file is too large (%1 MB at most).</translation>
    </message>
    <message>
        <source>ファイルが空です。</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>1 行目（見出し）に列「%1」がありません。</source>
        <translation>Line 1 (the header) has no column &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 行目: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>列の数が見出しと違います（%1 列、見出しは %2 列）</source>
        <translation>the number of columns differs from the header (%1 columns, the header has %2)</translation>
    </message>
    <message>
        <source>契約法人コードは 1〜32 文字です</source>
        <translation>the corporation code has 1 to 32 characters</translation>
    </message>
    <message>
        <source>契約法人名は 1〜200 文字です</source>
        <translation>the corporation name has 1 to 200 characters</translation>
    </message>
    <message>
        <source>利用者IDは 1〜64 文字です</source>
        <translation>the user ID has 1 to 64 characters</translation>
    </message>
    <message>
        <source>利用者名は 1〜200 文字です</source>
        <translation>the user name has 1 to 200 characters</translation>
    </message>
    <message>
        <source>表示順は 0 以上の整数です</source>
        <translation>the display order is a whole number of 0 or more</translation>
    </message>
    <message>
        <source>制御文字は使えません</source>
        <translation>control characters are not allowed</translation>
    </message>
    <message>
        <source>契約法人コード %1 の利用者ID %2 が重複しています</source>
        <translation>user ID %2 of corporation code %1 appears twice</translation>
    </message>
    <message>
        <source>契約法人コード %1 の契約法人名が、前の行と違います</source>
        <translation>the name of corporation code %1 differs from an earlier line</translation>
    </message>
    <message>
        <source>名簿をデータベースに書き込めませんでした。データベースは変更されていません。</source>
        <translation>The roster could not be written to the database. The database was not changed.</translation>
    </message>
    <message>
        <source>文字コード: %1</source>
        <translation>Encoding: %1</translation>
    </message>
    <message>
        <source>契約法人: 追加 %1、名称変更 %2 / 利用者: 追加 %3、変更 %4、変更なし %5、削除 %6</source>
        <translation>Corporations: added %1, renamed %2 / Users: added %3, changed %4, unchanged %5, removed %6</translation>
    </message>
    <message>
        <source>ファイルにない利用者: %1</source>
        <translation>User missing from the file: %1</translation>
    </message>
    <message>
        <source>名簿の取り込みは管理者だけが行えます。</source>
        <translation>Only an administrator can import the roster.</translation>
    </message>
    <message>
        <source>担当者のサインインが終わっています。サインインし直してください。</source>
        <translation>The staff sign-in has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>%1 行目: サーバーがこの行の値を受け付けませんでした</source>
        <translation>Line %1: the server did not accept this line&apos;s values</translation>
    </message>
    <message>
        <source>理由を入力してください（200 文字まで）。</source>
        <translation>Enter a reason (up to 200 characters).</translation>
    </message>
</context>
<context>
    <name>ScenarioLoader</name>
    <message>
        <source>文字列が必要です</source>
        <translation>a string is required</translation>
    </message>
    <message>
        <source>シナリオの項目 %1 が正しくありません: %2</source>
        <translation>Scenario field %1 is not valid: %2</translation>
    </message>
    <message>
        <source>シナリオファイルの %1 行 %2 桁目に誤りがあります: %3</source>
        <translation>The scenario file has an error at line %1, column %2: %3</translation>
    </message>
    <message>
        <source>シナリオファイルの最上位は JSON オブジェクトでなければなりません。</source>
        <translation>The top level of a scenario file must be a JSON object.</translation>
    </message>
    <message>
        <source>このコンソールが読めるのは形式 %1 です</source>
        <translation>this console reads format %1</translation>
    </message>
    <message>
        <source>オブジェクトが必要です</source>
        <translation>an object is required</translation>
    </message>
    <message>
        <source>unset、shared、individual のいずれかが必要です</source>
        <translation>one of unset, shared, individual is required</translation>
    </message>
    <message>
        <source>利用者名「%1」が重複しています</source>
        <translation>the user name &quot;%1&quot; appears twice</translation>
    </message>
    <message>
        <source>シリアル番号 %1 が重複しています</source>
        <translation>the serial number %1 appears twice</translation>
    </message>
    <message>
        <source>hotp か totp が必要です</source>
        <translation>hotp or totp is required</translation>
    </message>
    <message>
        <source>sha1、sha256、sha512 のいずれかが必要です</source>
        <translation>one of sha1, sha256, sha512 is required</translation>
    </message>
    <message>
        <source>30 か 60 が必要です</source>
        <translation>30 or 60 is required</translation>
    </message>
    <message>
        <source>10 バイト以上の秘密鍵（16進数または ASCII）が必要です</source>
        <translation>a secret of at least 10 bytes (hex or ASCII) is required</translation>
    </message>
    <message>
        <source>共有トークンは 1 つだけです</source>
        <translation>there can be only one shared token</translation>
    </message>
    <message>
        <source>利用者「%1」は users にありません</source>
        <translation>the user &quot;%1&quot; is not in users</translation>
    </message>
    <message>
        <source>利用者「%1」はすでにトークンを持っています</source>
        <translation>the user &quot;%1&quot; already holds a token</translation>
    </message>
    <message>
        <source>共有トークンがあるときは shared が必要です</source>
        <translation>shared is required when there is a shared token</translation>
    </message>
    <message>
        <source>利用者がトークンを持つときは individual が必要です</source>
        <translation>individual is required when users hold tokens</translation>
    </message>
    <message>
        <source>シナリオファイル %1 を開けません: %2</source>
        <translation>Cannot open the scenario file %1: %2</translation>
    </message>
    <message>
        <source>このデータベースは本番用です。本番用のデータベースにはシナリオを読み込めません。</source>
        <translation>This is a production database. Scenarios cannot be loaded into a production database.</translation>
    </message>
    <message>
        <source>シナリオをデータベースに書き込めませんでした。データベースは変更されていません。</source>
        <translation>The scenario could not be written to the database. The database has not been changed.</translation>
    </message>
    <message>
        <source>このデータベースはトレーニング用ではないため、リセットできません。</source>
        <translation>This database is not a training database, so it cannot be reset.</translation>
    </message>
    <message>
        <source>画面で入力できるワンタイムパスワードは %1 桁だけのため、%2 桁のトークンは登録できません</source>
        <translation>the screens take %1-digit one-time passwords only, so a %2-digit token cannot be registered</translation>
    </message>
    <message>
        <source>%1 文字以内が必要です</source>
        <translation>at most %1 characters are allowed</translation>
    </message>
    <message>
        <source>トークンの秘密鍵を暗号化できません。</source>
        <translation>Cannot encrypt the token secrets.</translation>
    </message>
    <message>
        <source>制御文字（U+%1）は使えません</source>
        <translation>control characters (U+%1) are not allowed</translation>
    </message>
    <message>
        <source>配列が必要です</source>
        <translation>an array is required</translation>
    </message>
    <message>
        <source>%1 から %2 までの整数が必要です</source>
        <translation>a whole number from %1 to %2 is required</translation>
    </message>
    <message>
        <source>true か false が必要です</source>
        <translation>true or false is required</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>スキーマの管理表を作成できません。</source>
        <translation>Cannot create the schema version table.</translation>
    </message>
    <message>
        <source>スキーマ %1 への更新に失敗しました。データベースは更新前のままです。</source>
        <translation>The upgrade to schema %1 failed. The database is as it was before.</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>スクリーンショットを作成できませんでした: %1</source>
        <translation>The screenshots could not be made: %1</translation>
    </message>
    <message>
        <source>スクリーンショットには IPAexGothic フォントが必要です（Debian: apt-get install fonts-ipaexfont-gothic）。</source>
        <translation>Screenshots need the IPAexGothic font (Debian: apt-get install fonts-ipaexfont-gothic).</translation>
    </message>
    <message>
        <source>スクリーンショットには QApplication が必要です。</source>
        <translation>Screenshots need a QApplication.</translation>
    </message>
    <message>
        <source>フォルダー %1 を作成できません。</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>言語 %1 はありません（ja, en）。</source>
        <translation>There is no language %1 (ja, en).</translation>
    </message>
    <message>
        <source>manifest.json を書き込めません。</source>
        <translation>Cannot write manifest.json.</translation>
    </message>
    <message>
        <source>スクリーンショットには DejaVu Sans Mono フォントが必要です（Debian: apt-get install fonts-dejavu-core）。</source>
        <translation>Screenshots need the DejaVu Sans Mono font (Debian: apt-get install fonts-dejavu-core).</translation>
    </message>
    <message>
        <source>画面 %1 に %2 がありません（.ui の objectName を確かめてください）。</source>
        <translation>The screen %1 has no %2 (check the objectName in its .ui).</translation>
    </message>
</context>
<context>
    <name>ServerBoundary</name>
    <message>
        <source>サーバーの権限は PostgreSQL のデータベースにだけ設定できます。</source>
        <translation>Server privileges can only be set on a PostgreSQL database.</translation>
    </message>
    <message>
        <source>ロール名 %1 は使えません（半角英小文字・数字・_、63 文字まで）。</source>
        <translation>The role name %1 cannot be used (lower-case letters, digits and _, up to 63 characters).</translation>
    </message>
    <message>
        <source>サーバーの関数の定義を読み込めません。</source>
        <translation>The server functions&apos; definitions cannot be read.</translation>
    </message>
    <message>
        <source>暗号鍵が読み込まれていません。</source>
        <translation>The data key is not loaded.</translation>
    </message>
    <message>
        <source>トークン %1 の秘密鍵を開けません。</source>
        <translation>The secret of token %1 cannot be opened.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>表示</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>表示言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>窓の位置と大きさを元に戻す(&amp;W)</source>
        <translation>Reset &amp;window positions and sizes</translation>
    </message>
    <message>
        <source>データベース（次回の起動から有効）</source>
        <translation>Database (takes effect at the next start)</translation>
    </message>
    <message>
        <source>この端末のデータベースファイル (SQLite)(&amp;F)</source>
        <translation>Database &amp;file on this desktop (SQLite)</translation>
    </message>
    <message>
        <source>ファイル(&amp;I)</source>
        <translation>F&amp;ile</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>参照(&amp;B)...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>共有データベース (PostgreSQL)(&amp;S)</source>
        <translation>&amp;Shared database (PostgreSQL)</translation>
    </message>
    <message>
        <source>接続(&amp;C)</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <source>接続</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>トレーニング</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>仮想カードがワンタイムパスワードを表示する時間(&amp;T)</source>
        <translation>&amp;Time a virtual card shows its one-time password</translation>
    </message>
    <message>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <source>ログファイル</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>フォルダーを開く(&amp;O)</source>
        <translation>&amp;Open folder</translation>
    </message>
</context>
<context>
    <name>SharedRegistrationConfirmPage</name>
    <message>
        <source>カード型ハードトークン利用登録確認</source>
        <translation>Card Hard Token Registration Confirmation</translation>
    </message>
    <message>
        <source>以下のカード型ハードトークンを、全ての利用者が利用するトークンとして利用登録します。</source>
        <translation>The card hard token below will be registered as the token that all users use.</translation>
    </message>
    <message>
        <source>利用登録するトークン</source>
        <translation>Token to register</translation>
    </message>
    <message>
        <source>シリアル番号</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>現在利用登録しているトークン</source>
        <translation>Currently registered token</translation>
    </message>
    <message>
        <source>利用登録を行うには、契約法人確認暗証番号の認証が必要です。
契約法人確認暗証番号を入力し、「OK」ボタンを押してください。</source>
        <translation>Registration requires authentication with the corporate confirmation PIN.
Enter the corporate confirmation PIN and press the &quot;OK&quot; button.</translation>
    </message>
    <message>
        <source>契約法人管理情報変更 &gt; 利用者情報登録/変更</source>
        <translation>Change Corporate Administration Information &gt; Register/Change User Information</translation>
    </message>
</context>
<context>
    <name>SharedRegistrationInputPage</name>
    <message>
        <source>カード型ハードトークン利用登録入力</source>
        <translation>Card Hard Token Registration Input</translation>
    </message>
    <message>
        <source>利用登録するカード型ハードトークンのシリアル番号とワンタイムパスワードを入力し、「次へ」ボタンを押してください。</source>
        <translation>Enter the serial number and one-time password of the card hard token to register, and press the &quot;Next&quot; button.</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用登録用ワンタイムパスワードを発行するボタンを押してください。</source>
        <translation>Press the button on the card hard token that issues the one-time password for registration.</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>✎ メモ</source>
        <translation>✎ Note</translation>
    </message>
    <message>
        <source>契約法人管理情報変更 &gt; 利用者情報登録/変更</source>
        <translation>Change Corporate Administration Information &gt; Register/Change User Information</translation>
    </message>
</context>
<context>
    <name>SoftwareKeyboard</name>
    <message>
        <source>ソフトウェアキーボード</source>
        <translation>Software keyboard</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号を、マウスでキーを押して入力してください。キーの並びは開くたびに変わります。</source>
        <translation>Enter the corporate confirmation PIN by clicking the keys. The key layout changes every time the keyboard opens.</translation>
    </message>
    <message>
        <source>入力中</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>入力した文字数</source>
        <translation>Number of characters entered</translation>
    </message>
    <message>
        <source>大文字</source>
        <translation>Upper case</translation>
    </message>
    <message>
        <source>大文字と小文字の切り替え</source>
        <translation>Switch between upper and lower case</translation>
    </message>
    <message>
        <source>1文字削除</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>クリア</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StaffActDialog</name>
    <message>
        <source>担当者</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>担当者ID(&amp;I)</source>
        <translation>Staff ID(&amp;I)</translation>
    </message>
    <message>
        <source>担当者ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>パスワード(&amp;P)</source>
        <translation>Password(&amp;P)</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>理由(&amp;R)</source>
        <translation>Reason(&amp;R)</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>お客さまが入力してください</source>
        <translation>For the customer to enter</translation>
    </message>
    <message>
        <source>新しい契約法人確認暗証番号を、ソフトウェアキーボードで 2 回入力してください。担当者には表示されません。</source>
        <translation>Enter the new corporate confirmation PIN twice with the software keyboard. The staff member does not see it.</translation>
    </message>
    <message>
        <source>お客さまのカード</source>
        <translation>Customer&apos;s card</translation>
    </message>
    <message>
        <source>シリアル番号(&amp;N)</source>
        <translation>Serial number(&amp;N)</translation>
    </message>
    <message>
        <source>シリアル番号</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>半角数字10桁</source>
        <translation>10 half-width digits</translation>
    </message>
    <message>
        <source>ワンタイムパスワード(&amp;O)</source>
        <translation>One-time password(&amp;O)</translation>
    </message>
    <message>
        <source>ワンタイムパスワード</source>
        <translation>One-time password</translation>
    </message>
    <message>
        <source>カードに今表示されている半角数字6桁</source>
        <translation>The 6 half-width digits the card shows now</translation>
    </message>
</context>
<context>
    <name>StaffDesk</name>
    <message>
        <source>理由を入力してください（%1 文字まで）。</source>
        <translation>Enter the reason (up to %1 characters).</translation>
    </message>
    <message>
        <source>この操作は管理者だけが行えます。</source>
        <translation>Only an administrator can do this.</translation>
    </message>
    <message>
        <source>2 回入力した契約法人確認暗証番号が一致しません。もう一度入力してください。</source>
        <translation>The two corporate confirmation PINs entered differ. Enter them again.</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号を設定できませんでした。</source>
        <translation>The corporate confirmation PIN could not be set.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、契約法人確認暗証番号は設定されませんでした。</source>
        <translation>An error occurred, so the corporate confirmation PIN was not set.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、誤入力回数はリセットされませんでした。</source>
        <translation>An error occurred, so the failure counters were not reset.</translation>
    </message>
    <message>
        <source>利用中止状態ではありません。</source>
        <translation>The corporation is not suspended.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、利用中止状態は解除されませんでした。</source>
        <translation>An error occurred, so the suspension was not lifted.</translation>
    </message>
    <message>
        <source>パスワードは、半角の英数字と記号で 8〜64 文字にしてください。</source>
        <translation>Use 8 to 64 half-width letters, digits and symbols for the password.</translation>
    </message>
    <message>
        <source>2 回入力したパスワードが一致しません。</source>
        <translation>The two passwords entered differ.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、担当者は登録されませんでした。</source>
        <translation>An error occurred, so the staff member was not registered.</translation>
    </message>
    <message>
        <source>担当者ID %1 はすでに使われています。</source>
        <translation>Staff ID %1 is already taken.</translation>
    </message>
    <message>
        <source>自分の担当者IDは利用停止にできません。</source>
        <translation>You cannot disable your own staff ID.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、担当者の状態は変わっていません。</source>
        <translation>An error occurred, so the staff member&apos;s state did not change.</translation>
    </message>
    <message>
        <source>担当者ID %1 は登録されていません。</source>
        <translation>Staff ID %1 is not registered.</translation>
    </message>
    <message>
        <source>このカードは誤ったワンタイムパスワードが続いたため、確認できません。管理者に解除を依頼してください。</source>
        <translation>This card cannot be checked: too many wrong one-time passwords. Ask an administrator to lift the lock.</translation>
    </message>
    <message>
        <source>シリアル番号 %1 のトークンは登録されていません。</source>
        <translation>No token has serial number %1.</translation>
    </message>
    <message>
        <source>トークン %1 の記録が、コンソールの外で変更されています。</source>
        <translation>The record of token %1 was changed outside the console.</translation>
    </message>
    <message>
        <source>トークン %1 の秘密鍵を読み込めません。</source>
        <translation>The secret of token %1 cannot be read.</translation>
    </message>
    <message>
        <source>全ての利用者</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>このワンタイムパスワードは使用済みです。カードに次のワンタイムパスワードが表示されてから、もう一度入力してください。</source>
        <translation>This one-time password has been used. Wait until the card shows the next one, then enter it again.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、カードを確認できませんでした。</source>
        <translation>An error occurred, so the card could not be checked.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、カードの同期は行われませんでした。</source>
        <translation>An error occurred, so the card was not resynchronised.</translation>
    </message>
    <message>
        <source>時刻で変わるカード（TOTP）は同期の必要がありません。</source>
        <translation>Time-based cards (TOTP) need no resynchronisation.</translation>
    </message>
    <message>
        <source>入力された 2 つのワンタイムパスワードが、続けて表示されたものとして見つかりません。カードのボタンを押して、続けて表示された 2 つを入力してください。</source>
        <translation>The two one-time passwords were not found as consecutive codes. Press the card&apos;s button and enter the two codes it shows one after the other.</translation>
    </message>
    <message>
        <source>担当者IDは、空白と「:」を含まない %1 文字までの文字列です。</source>
        <translation>A staff ID is up to %1 characters without spaces or &quot;:&quot;.</translation>
    </message>
    <message>
        <source>リセットする誤入力回数はありません（他の端末で確認中の契約法人確認暗証番号は、確認が終わると数えられます）。</source>
        <translation>There are no wrong entries to reset (a corporate confirmation PIN being checked on another desktop is counted when its check ends).</translation>
    </message>
    <message>
        <source>このデータベースには、すでに担当者が登録されています。担当者の追加は管理者が行います。</source>
        <translation>This database already has staff. Further staff are added by an administrator.</translation>
    </message>
    <message>
        <source>自分の担当者IDのロックは解除できません。他の管理者に依頼してください。</source>
        <translation>You cannot lift the lock of your own staff ID. Ask another administrator.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、ロックは解除されていません。</source>
        <translation>An error occurred while processing, so the lock has not been lifted.</translation>
    </message>
    <message>
        <source>担当者ID %1 の誤入力の記録はありません。</source>
        <translation>There is no record of wrong entries for staff ID %1.</translation>
    </message>
    <message>
        <source>担当者のサインインが終わっています。サインインし直してください。</source>
        <translation>The staff sign-in has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>契約法人の誤入力回数または利用中止の記録が、コンソールの外で変更されています。お問い合わせ先までご照会ください。</source>
        <translation>The corporation&apos;s wrong-entry counts or suspension record were changed outside the console. Please contact the help desk.</translation>
    </message>
    <message>
        <source>監査ログは書き出しましたが、書き出しの記録を残せませんでした。</source>
        <translation>The audit log was exported, but the export could not be recorded.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>担当者の管理</source>
        <translation>Staff Accounts</translation>
    </message>
    <message>
        <source>担当者の追加と利用停止は管理者が行います。操作のたびに、管理者の担当者IDとパスワード、理由を入力してください。</source>
        <translation>Administrators add and disable staff members. Each time, enter an administrator&apos;s staff ID and password, and the reason.</translation>
    </message>
    <message>
        <source>担当者の一覧</source>
        <translation>Staff members</translation>
    </message>
    <message>
        <source>選択した担当者を利用停止にする(&amp;S)</source>
        <translation>Disable the selected staff member(&amp;S)</translation>
    </message>
    <message>
        <source>選択した担当者を利用可能にする(&amp;E)</source>
        <translation>Enable the selected staff member(&amp;E)</translation>
    </message>
    <message>
        <source>担当者の追加</source>
        <translation>Add a staff member</translation>
    </message>
    <message>
        <source>新しい担当者ID(&amp;N)</source>
        <translation>New staff ID(&amp;N)</translation>
    </message>
    <message>
        <source>新しい担当者ID</source>
        <translation>New staff ID</translation>
    </message>
    <message>
        <source>氏名(&amp;M)</source>
        <translation>Name(&amp;M)</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>役割(&amp;L)</source>
        <translation>Role(&amp;L)</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>パスワード（本人が入力）(&amp;W)</source>
        <translation>Password (typed by the new member)(&amp;W)</translation>
    </message>
    <message>
        <source>パスワード（本人が入力）</source>
        <translation>Password (typed by the new member)</translation>
    </message>
    <message>
        <source>パスワード（確認）(&amp;V)</source>
        <translation>Password (again)(&amp;V)</translation>
    </message>
    <message>
        <source>パスワード（確認）</source>
        <translation>Password (again)</translation>
    </message>
    <message>
        <source>追加する(&amp;A)</source>
        <translation>Add(&amp;A)</translation>
    </message>
    <message>
        <source>管理者</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>担当者ID(&amp;I)</source>
        <translation>Staff ID(&amp;I)</translation>
    </message>
    <message>
        <source>担当者ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>パスワード(&amp;P)</source>
        <translation>Password(&amp;P)</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>理由(&amp;R)</source>
        <translation>Reason(&amp;R)</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>選択した担当者のロックを解除する(&amp;U)</source>
        <translation>&amp;Unlock the selected staff member</translation>
    </message>
    <message>
        <source>誤入力が続いて使えなくなった担当者IDを、再び使えるようにします（自分以外の管理者だけ）。</source>
        <translation>Makes a staff ID locked by repeated wrong entries usable again (another administrator only).</translation>
    </message>
</context>
<context>
    <name>StaffSignIn</name>
    <message>
        <source>担当者IDまたはパスワードが正しくありません。誤りが続いた担当者IDは利用できなくなります（再び利用できるようにするのは管理者です）。</source>
        <translation>The staff ID or password is incorrect. A staff ID with repeated wrong entries can no longer be used (an administrator can make it usable again).</translation>
    </message>
</context>
<context>
    <name>StaffTable</name>
    <message>
        <source>ヘルプデスクのサインイン記録が、コンソールの外で変更されています。</source>
        <translation>The help desk&apos;s sign-in record was changed outside the console.</translation>
    </message>
</context>
<context>
    <name>StepDriver</name>
    <message>
        <source>画面が表示されていません。</source>
        <translation>No screen is shown.</translation>
    </message>
    <message>
        <source>画面 %1 の %2 を操作できませんでした。</source>
        <translation>%2 on the screen %1 could not be used.</translation>
    </message>
    <message>
        <source>画面 %1 に %2 がありません（.ui の objectName を確かめてください）。</source>
        <translation>The screen %1 has no %2 (check the objectName in its .ui).</translation>
    </message>
    <message>
        <source>利用者（ID %1）が %2 にありません。</source>
        <translation>The user (ID %1) is not in %2.</translation>
    </message>
    <message>
        <source>%1 はこの操作のできる部品ではありません。</source>
        <translation>%1 is not a widget this act can use.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>データベースを開けません: %1 はファイルではありません。</source>
        <translation>Cannot open the database: %1 is not a file.</translation>
    </message>
    <message>
        <source>%1 はこのコンソールのデータベースではありません。ファイルは変更していません。</source>
        <translation>%1 is not a database of this console. The file has not been changed.</translation>
    </message>
    <message>
        <source>データベース %1 は読み取り専用です。書き込みできる場所に置くか、権限を確認してください。</source>
        <translation>The database %1 is read-only. Put it where it can be written, or check its permissions.</translation>
    </message>
    <message>
        <source>フォルダー %1 を作成できません。</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>データベース %1 を開けません: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
    <message>
        <source>データベース %1 は破損しています。ファイルは変更していません。バックアップから復元してください。</source>
        <translation>The database %1 is corrupted. The file has not been changed. Restore it from a backup.</translation>
    </message>
    <message>
        <source>データベース %1 は新しいバージョンのコンソールで作成されています（スキーマ %2、このコンソールは %3 まで）。ファイルは変更していません。コンソールを更新してください。</source>
        <translation>The database %1 was written by a newer version of the console (schema %2; this console reads up to %3). The file has not been changed. Please update the console.</translation>
    </message>
    <message>
        <source>PostgreSQL のデータベースには --key-file で暗号鍵ファイルを指定してください。</source>
        <translation>For a PostgreSQL database, give the key file with --key-file.</translation>
    </message>
    <message>
        <source>データベースは他の端末が使用中です。しばらくしてから、もう一度お試しください。</source>
        <translation>Another desktop is using the database. Please try again in a moment.</translation>
    </message>
    <message>
        <source>データベース %1 を読み込めません。権限を確認してください。</source>
        <translation>Cannot read the database %1. Check its permissions.</translation>
    </message>
    <message>
        <source>%1 は空のファイル（0 バイト）で、このコンソールのデータベースではありません。ファイルは変更していません。新しいデータベースを作るときは、まだ存在しないファイル名を指定してください。</source>
        <translation>%1 is an empty file (0 bytes), not a database of this console. The file was not changed. To create a new database, give a file name that does not exist yet.</translation>
    </message>
    <message>
        <source>データベース %1 を作成できません。</source>
        <translation>Cannot create the database %1.</translation>
    </message>
    <message>
        <source>データベース %1 は他の端末（プロセス）が使用中のため、開けませんでした。ファイルは変更していません。しばらくしてから、もう一度お試しください。</source>
        <translation>The database %1 could not be opened because another desktop (process) is using it. The file was not changed. Please try again in a moment.</translation>
    </message>
    <message>
        <source>データベースの処理に失敗しました: %1</source>
        <translation>The database operation failed: %1</translation>
    </message>
    <message>
        <source>%1 はネットワーク上の共有フォルダーです。SQLite のデータベースはネットワーク共有に置けません（複数の端末から使うと壊れます）。複数の端末で共有するときは PostgreSQL（--postgres）を使ってください。</source>
        <translation>%1 is a shared folder on the network. A SQLite database cannot be kept on a network share (used from several desks it is corrupted). To share a store between desks, use PostgreSQL (--postgres).</translation>
    </message>
    <message>
        <source>データベースに接続できません。接続が戻るまでお待ちのうえ、もう一度お試しください。入力内容はそのまま残っています。</source>
        <translation>Cannot connect to the database. Please wait until the connection is back and try again. What you entered has been kept.</translation>
    </message>
    <message>
        <source>接続文字列が正しくありません: %1</source>
        <translation>The connection string is not valid: %1</translation>
    </message>
    <message>
        <source>接続文字列を読み込めません。</source>
        <translation>The connection string cannot be read.</translation>
    </message>
    <message>
        <source>接続文字列にパスワードを書かないでください（設定に平文で残ります）。パスワードはパスワードファイル（PGPASSFILE、pgpass.conf）か環境変数 PGPASSWORD で渡してください。</source>
        <translation>Do not put a password in the connection string (it would stay in the settings in clear text). Give the password in a password file (PGPASSFILE, pgpass.conf) or the PGPASSWORD environment variable.</translation>
    </message>
    <message>
        <source>接続文字列の値にセミコロン（;）は使えません。</source>
        <translation>A value in the connection string cannot contain a semicolon (;).</translation>
    </message>
    <message>
        <source>データベースのセッションを準備できません。</source>
        <translation>The database session cannot be prepared.</translation>
    </message>
    <message>
        <source>このデータベースにはサーバーの規則がありません（所有者のロールで hardtoken-cli server init を実行してください）。</source>
        <translation>This database does not have the server&apos;s rules (run hardtoken-cli server init with the owner&apos;s role).</translation>
    </message>
</context>
<context>
    <name>StoreOptions</name>
    <message>
        <source>SQLite のデータベースファイル（既定: %1）。</source>
        <translation>SQLite database file (default: %1).</translation>
    </message>
    <message>
        <source>暗号鍵ファイル（既定: データベースのパス + .key）。</source>
        <translation>Data key file (default: the database path + .key).</translation>
    </message>
    <message>
        <source>起動の前に、トレーニング用のシナリオ（JSON）をデータベースに読み込みます。</source>
        <translation>Load a training scenario (JSON) into the store before starting.</translation>
    </message>
    <message>
        <source>マニュアルのトレーニング用シナリオで起動します（--scenario %1 と同じ）。</source>
        <translation>Start on the manual&apos;s training scenario (same as --scenario %1).</translation>
    </message>
    <message>
        <source>複数の端末で共有する PostgreSQL のデータベース。例: &quot;host=db port=5432 dbname=hardtoken user=console&quot;（パスワードは PGPASSWORD）。--key-file が必要です。</source>
        <translation>PostgreSQL store shared by several desktops, e.g. &quot;host=db port=5432 dbname=hardtoken user=console&quot; (password from PGPASSWORD); needs --key-file.</translation>
    </message>
    <message>
        <source>暗号鍵を OS のキーチェーンに保管します（Windows と macOS では既定。鍵ファイルは予備として残ります）。</source>
        <translation>Keep the data key in the OS keychain (the default on Windows and macOS; the key file stays as the fallback).</translation>
    </message>
    <message>
        <source>キーチェーンを使わず、暗号鍵ファイルだけを使います。</source>
        <translation>Do not use the keychain; use the key file only.</translation>
    </message>
    <message>
        <source>--postgres のデータベースに、サーバーが管理する端末として接続します（hardtoken-cli server init 済み。端末用ロールの接続、暗号鍵ファイルなし）。</source>
        <translation>Connects to the --postgres database as a desk ruled by the server (after hardtoken-cli server init; the desk role&apos;s connection, no key file).</translation>
    </message>
    <message>
        <source>--desk には --postgres（端末用ロールの接続）が必要です。--key-file、--scenario とは使えません。</source>
        <translation>--desk needs --postgres (the desk role&apos;s connection). It cannot be used with --key-file or --scenario.</translation>
    </message>
</context>
<context>
    <name>SuspendedNotice</name>
    <message>
        <source>利用中止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>利用中止のお知らせ</source>
        <translation>Service Suspended</translation>
    </message>
    <message>
        <source>⚠️ 本システムは利用中止状態です</source>
        <translation>⚠️ This system is suspended</translation>
    </message>
    <message>
        <source>シリアル番号、ワンタイムパスワードまたは契約法人確認暗証番号を一定回数以上誤って入力したため、本システムは利用中止状態になりました。
利用中止状態の間は、カード型ハードトークンの利用形態の設定および利用登録はできません。</source>
        <translation>Because a serial number, one-time password or corporate confirmation PIN was entered wrongly a certain number of times, this system has been suspended.
While it is suspended, the card hard token usage mode cannot be set and tokens cannot be registered.</translation>
    </message>
    <message>
        <source>利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。</source>
        <translation>To lift the suspension, contact the help desk for this system.</translation>
    </message>
    <message>
        <source>お問い合わせ窓口（ヘルプデスク担当者）用</source>
        <translation>For help desk staff</translation>
    </message>
    <message>
        <source>ヘルプデスク担当者は、ご本人確認のうえ、担当者IDとパスワードを入力して利用中止状態を解除してください。</source>
        <translation>Help desk staff: after confirming the customer&apos;s identity, enter your staff ID and password to lift the suspension.</translation>
    </message>
    <message>
        <source>担当者ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>利用中止状態を解除</source>
        <translation>Lift the suspension</translation>
    </message>
</context>
<context>
    <name>TokenEntry</name>
    <message>
        <source>利用登録入力</source>
        <translation>Registration input</translation>
    </message>
    <message>
        <source>シリアル番号</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>(半角数字10桁)</source>
        <translation>(10 half-width digits)</translation>
    </message>
    <message>
        <source>ワンタイムパスワード</source>
        <translation>One-time password</translation>
    </message>
    <message>
        <source>(半角数字6桁)</source>
        <translation>(6 half-width digits)</translation>
    </message>
    <message>
        <source>シリアル番号は、ハイフンを除いた数字のみで入力してください。</source>
        <translation>Enter the serial number as digits only, without hyphens.</translation>
    </message>
    <message>
        <source>カード型ハードトークン（裏）：シリアル番号の位置</source>
        <translation>Card hard token (back): where the serial number is</translation>
    </message>
    <message>
        <source>カード型ハードトークン（表）：利用登録用ワンタイムパスワードを発行するボタンの位置</source>
        <translation>Card hard token (front): the button that issues the one-time password for registration</translation>
    </message>
    <message>
        <source>⚠️ ご注意</source>
        <translation>⚠️ Caution</translation>
    </message>
    <message>
        <source>・ワンタイムパスワードの表示は、一定の時間が経過すると自動的に消えます。この場合は、ワンタイムパスワードを再発行してください。</source>
        <translation>• The one-time password disappears from the display after a certain time. If it has, issue a new one-time password.</translation>
    </message>
    <message>
        <source>・シリアル番号またはワンタイムパスワードを一定回数以上誤って入力すると、本システムは利用中止状態になります。利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。</source>
        <translation>• If the serial number or one-time password is entered wrongly a certain number of times, this system is suspended. To lift the suspension, contact the help desk for this system.</translation>
    </message>
</context>
<context>
    <name>TokenImport</name>
    <message>
        <source>シリアル番号「%1」を半角数字10桁に対応付けられません</source>
        <translation>Serial number &quot;%1&quot; cannot be mapped to 10 half-width digits</translation>
    </message>
    <message>
        <source>ファイルが UTF-8 として正しくありません。</source>
        <translation>The file is not valid UTF-8.</translation>
    </message>
    <message>
        <source>UTF-8 以外の XML には対応していません（%1）。</source>
        <translation>XML in encodings other than UTF-8 is not supported (%1).</translation>
    </message>
    <message>
        <source>DTD（&lt;!DOCTYPE&gt;）を含むファイルは取り込みません。</source>
        <translation>Files with a DTD (&lt;!DOCTYPE&gt;) are not imported.</translation>
    </message>
    <message>
        <source>実体参照を含むファイルは取り込みません。</source>
        <translation>Files with entity references are not imported.</translation>
    </message>
    <message>
        <source>XML の要素が多すぎるか、入れ子が深すぎます。</source>
        <translation>The XML has too many elements or is nested too deeply.</translation>
    </message>
    <message>
        <source>ファイルが途中で終わっています（%1 行目）。</source>
        <translation>The file ends too early (line %1).</translation>
    </message>
    <message>
        <source>XML として正しくありません（%1 行目: %2）。</source>
        <translation>The file is not well-formed XML (line %1: %2).</translation>
    </message>
    <message>
        <source>鍵の導出方法に対応していません（PBKDF2 のみ）。</source>
        <translation>This key derivation method is not supported (PBKDF2 only).</translation>
    </message>
    <message>
        <source>このファイルはパスフレーズで暗号化されています。--passphrase-file で指定してください。</source>
        <translation>This file is encrypted with a passphrase. Give it with --passphrase-file.</translation>
    </message>
    <message>
        <source>PBKDF2 のパラメーター（Salt、IterationCount、PRF）が正しくありません。</source>
        <translation>The PBKDF2 parameters (Salt, IterationCount, PRF) are not valid.</translation>
    </message>
    <message>
        <source>PBKDF2 のパラメーターが範囲外です。</source>
        <translation>The PBKDF2 parameters are out of range.</translation>
    </message>
    <message>
        <source>公開鍵で暗号化されたファイルには対応していません。</source>
        <translation>Files encrypted with a public key are not supported.</translation>
    </message>
    <message>
        <source>このファイルは事前共有鍵で暗号化されています。--pskc-key で鍵のファイルを指定してください。</source>
        <translation>This file is encrypted with a pre-shared key. Give the key file with --pskc-key.</translation>
    </message>
    <message>
        <source>暗号化された値があるのに MAC（MACMethod/MACKey）がありません。</source>
        <translation>The file has encrypted values but no MAC (MACMethod/MACKey).</translation>
    </message>
    <message>
        <source>MAC の鍵を復号できません。鍵またはパスフレーズが違うか、ファイルが改ざんされています。</source>
        <translation>The MAC key cannot be decrypted. The key or passphrase is wrong, or the file was altered.</translation>
    </message>
    <message>
        <source>%1: %2 の PlainValue が base64 ではありません。</source>
        <translation>%1: the PlainValue of %2 is not base64.</translation>
    </message>
    <message>
        <source>%1: %2 に値がありません。</source>
        <translation>%1: %2 has no value.</translation>
    </message>
    <message>
        <source>%1: 暗号方式 %2 には対応していません（AES-CBC のみ）。</source>
        <translation>%1: the encryption method %2 is not supported (AES-CBC only).</translation>
    </message>
    <message>
        <source>%1: %2 の CipherValue が base64 ではありません。</source>
        <translation>%1: the CipherValue of %2 is not base64.</translation>
    </message>
    <message>
        <source>%1: %2 に ValueMAC がありません。</source>
        <translation>%1: %2 has no ValueMAC.</translation>
    </message>
    <message>
        <source>%1: %2 の MAC が一致しません。ファイルが改ざんされているか、鍵またはパスフレーズが違います。</source>
        <translation>%1: the MAC of %2 does not match. The file was altered, or the key or passphrase is wrong.</translation>
    </message>
    <message>
        <source>%1: %2 を復号できません。</source>
        <translation>%1: %2 cannot be decrypted.</translation>
    </message>
    <message>
        <source>%1: %2 の値が大きすぎます。</source>
        <translation>%1: the value of %2 is too large.</translation>
    </message>
    <message>
        <source>KeyPackage には Key が 1 つ必要です（%1 個）</source>
        <translation>A KeyPackage needs exactly one Key (it has %1)</translation>
    </message>
    <message>
        <source>アルゴリズム %1 には対応していません（HOTP と TOTP のみ）</source>
        <translation>Algorithm %1 is not supported (HOTP and TOTP only)</translation>
    </message>
    <message>
        <source>Suite %1 には対応していません</source>
        <translation>Suite %1 is not supported</translation>
    </message>
    <message>
        <source>ResponseFormat の Length がありません</source>
        <translation>ResponseFormat has no Length</translation>
    </message>
    <message>
        <source>数字以外の表示（Encoding=%1）には対応していません</source>
        <translation>Non-decimal codes (Encoding=%1) are not supported</translation>
    </message>
    <message>
        <source>%1 桁のトークンです。画面で入力できるのは 6 桁のワンタイムパスワードだけです</source>
        <translation>This token shows %1 digits. The screens take 6-digit one-time passwords only</translation>
    </message>
    <message>
        <source>Secret がありません</source>
        <translation>No Secret</translation>
    </message>
    <message>
        <source>Secret が長すぎます（128 バイトまで）</source>
        <translation>The Secret is too long (128 bytes at most)</translation>
    </message>
    <message>
        <source>Counter、TimeInterval、Time、TimeDrift のいずれかが整数ではありません</source>
        <translation>Counter, TimeInterval, Time or TimeDrift is not an integer</translation>
    </message>
    <message>
        <source>Counter が大きすぎます</source>
        <translation>The Counter is too large</translation>
    </message>
    <message>
        <source>TimeInterval は 30 か 60 秒です（%1）</source>
        <translation>TimeInterval must be 30 or 60 seconds (%1)</translation>
    </message>
    <message>
        <source>Time（T0）が 0 以外のトークンには対応していません</source>
        <translation>Tokens whose Time (T0) is not 0 are not supported</translation>
    </message>
    <message>
        <source>TimeDrift は ±%1 ステップまでです（%2）</source>
        <translation>TimeDrift must be within ±%1 steps (%2)</translation>
    </message>
    <message>
        <source>PSKC のファイルではありません（ルート要素が %1 の KeyContainer ではありません）。</source>
        <translation>This is not a PSKC file (the root element is not KeyContainer in %1).</translation>
    </message>
    <message>
        <source>PSKC の版 %1 には対応していません（1.0 のみ）。</source>
        <translation>PSKC version %1 is not supported (1.0 only).</translation>
    </message>
    <message>
        <source>トークンが多すぎます（%1 個まで）。</source>
        <translation>Too many tokens (%1 at most).</translation>
    </message>
    <message>
        <source>ファイルにトークン（KeyPackage）がありません。</source>
        <translation>The file has no tokens (KeyPackage).</translation>
    </message>
    <message>
        <source>ファイルにトークンがありません。</source>
        <translation>The file has no tokens.</translation>
    </message>
    <message>
        <source>1 行目（見出し）に列「%1」がありません。</source>
        <translation>Line 1 (the header) has no column &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>1 行目（見出し）には secret_hex と secret_base32 のどちらか一方が必要です。</source>
        <translation>Line 1 (the header) needs exactly one of secret_hex and secret_base32.</translation>
    </message>
    <message>
        <source>%1 行目</source>
        <translation>line %1</translation>
    </message>
    <message>
        <source>列の数が見出しと違います（%1 列、見出しは %2 列）</source>
        <translation>The number of columns differs from the header (%1 columns, the header has %2)</translation>
    </message>
    <message>
        <source>type は totp か hotp です</source>
        <translation>type is totp or hotp</translation>
    </message>
    <message>
        <source>algorithm は sha1、sha256、sha512 のいずれかです</source>
        <translation>algorithm is one of sha1, sha256, sha512</translation>
    </message>
    <message>
        <source>secret_hex が 16 進数ではありません</source>
        <translation>secret_hex is not hexadecimal</translation>
    </message>
    <message>
        <source>secret_base32 が base32 ではありません</source>
        <translation>secret_base32 is not base32</translation>
    </message>
    <message>
        <source>period は 30 か 60 秒です</source>
        <translation>period is 30 or 60 seconds</translation>
    </message>
    <message>
        <source>counter は 0 以上の整数です</source>
        <translation>counter is an integer of 0 or more</translation>
    </message>
    <message>
        <source>ファイルが大きすぎます（%1 MB まで）。</source>
        <translation>The file is too large (%1 MB at most).</translation>
    </message>
    <message>
        <source>シリアル番号 %1 がファイルに 2 回以上あります</source>
        <translation>Serial number %1 appears more than once in the file</translation>
    </message>
    <message>
        <source>シリアル番号 %1 は登録済みです（置き換えるには --replace）</source>
        <translation>Serial number %1 is already in the store (use --replace to replace it)</translation>
    </message>
    <message>
        <source>シリアル番号 %1 の記録が改ざんされているため、置き換えられません</source>
        <translation>The record of serial number %1 was altered; it cannot be replaced</translation>
    </message>
    <message>
        <source>利用登録済みのトークン %1 の種類（HOTP/TOTP）は変えられません</source>
        <translation>The kind (HOTP/TOTP) of registered token %1 cannot be changed</translation>
    </message>
    <message>
        <source>トークンをデータベースに書き込めませんでした。データベースは変更されていません。</source>
        <translation>The tokens could not be written to the database. The database was not changed.</translation>
    </message>
    <message>
        <source>形式: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>%1 %2: 取り込み</source>
        <translation>%1 %2: imported</translation>
    </message>
    <message>
        <source>%1 %2: 置き換え</source>
        <translation>%1 %2: replaced</translation>
    </message>
    <message>
        <source>%1 %2: 変更なし</source>
        <translation>%1 %2: unchanged</translation>
    </message>
    <message>
        <source>%1 %2: 取り込めません（%3）</source>
        <translation>%1 %2: not imported (%3)</translation>
    </message>
    <message>
        <source>トークン: 取り込み %1、置き換え %2、変更なし %3、取り込めない %4</source>
        <translation>Tokens: imported %1, replaced %2, unchanged %3, not imported %4</translation>
    </message>
    <message>
        <source>ファイル %1 を開けません: %2</source>
        <translation>Cannot open file %1: %2</translation>
    </message>
    <message>
        <source>事前共有鍵のファイルには、16 進数で 16、24 または 32 バイトの鍵を書いてください。</source>
        <translation>The pre-shared key file must hold a key of 16, 24 or 32 bytes in hexadecimal.</translation>
    </message>
    <message>
        <source>%1 に Algorithm 属性がありません。</source>
        <translation>%1 has no Algorithm attribute.</translation>
    </message>
    <message>
        <source>MAC の方式 %1 には対応していません（HMAC-SHA1/224/256/384/512）。</source>
        <translation>The MAC method %1 is not supported (HMAC-SHA1/224/256/384/512).</translation>
    </message>
    <message>
        <source>%1 に EncryptionMethod がありません。</source>
        <translation>%1 has no EncryptionMethod.</translation>
    </message>
    <message>
        <source>サーバーがこのトークンの値を受け付けませんでした</source>
        <translation>The server did not accept this token&apos;s values</translation>
    </message>
    <message>
        <source>トークンの取り込みは管理者だけが行えます。</source>
        <translation>Only an administrator can import tokens.</translation>
    </message>
    <message>
        <source>担当者のサインインが終わっています。サインインし直してください。</source>
        <translation>The staff sign-in has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>理由を入力してください（200 文字まで）。</source>
        <translation>Enter a reason (up to 200 characters).</translation>
    </message>
</context>
<context>
    <name>TrainingCertificate</name>
    <message>
        <source>%1 に書き込めません: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>トレーニング結果：%1</source>
        <translation>Training result: %1</translation>
    </message>
    <message>
        <source>トレーニング結果</source>
        <translation>Training Result</translation>
    </message>
    <message>
        <source>実施日時 %1&#x3000;所要時間 %2</source>
        <translation>Started %1   Time %2</translation>
    </message>
    <message>
        <source>すべての手順を完了しました</source>
        <translation>Every step completed</translation>
    </message>
    <message>
        <source>途中で中断しました</source>
        <translation>Stopped before the end</translation>
    </message>
    <message>
        <source>手順</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>所要時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>ヒント</source>
        <translation>Hints</translation>
    </message>
    <message>
        <source>見本</source>
        <translation>Demonstrations</translation>
    </message>
    <message>
        <source>誤操作</source>
        <translation>Wrong turns</translation>
    </message>
    <message>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>ありませんでした。</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>・%1（%2、開始から %3）</source>
        <translation>• %1 (%2, %3 after the start)</translation>
    </message>
    <message>
        <source>ほか %1 件（CSV にすべてあります）</source>
        <translation>%1 more (all are in the CSV)</translation>
    </message>
    <message>
        <source>達した誤入力回数</source>
        <translation>Wrong entries reached</translation>
    </message>
    <message>
        <source>シリアル番号・ワンタイムパスワード %1 回&#x3000;契約法人確認暗証番号 %2 回&#x3000;利用中止 %3</source>
        <translation>Serial number / one-time password: %1   Corporate confirmation PIN: %2   Suspended: %3</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 に PDF を書き込めませんでした。</source>
        <translation>Could not write the PDF to %1.</translation>
    </message>
</context>
<context>
    <name>TrainingReport</name>
    <message>
        <source>利用中止</source>
        <translation>Suspension</translation>
    </message>
    <message>
        <source>利用中止の解除</source>
        <translation>Lifting the suspension</translation>
    </message>
    <message>
        <source>手順 %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>%1秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1分%2秒</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>研修者</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>練習</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>開始日時</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>手順</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>所要時間（秒）</source>
        <translation>Time (s)</translation>
    </message>
    <message>
        <source>ヒント</source>
        <translation>Hints</translation>
    </message>
    <message>
        <source>見本</source>
        <translation>Demonstrations</translation>
    </message>
    <message>
        <source>誤操作</source>
        <translation>Wrong turns</translation>
    </message>
    <message>
        <source>誤操作の内容</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>誤入力回数（シリアル番号・ワンタイムパスワード）</source>
        <translation>Wrong entries reached (serial number / one-time password)</translation>
    </message>
    <message>
        <source>誤入力回数（契約法人確認暗証番号）</source>
        <translation>Wrong entries reached (corporate confirmation PIN)</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>中断</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>No</translation>
    </message>
    <message>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1 に書き込めません: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>TrainingResultTable</name>
    <message>
        <source>練習の結果はトレーニング用データベースにだけ保存できます。</source>
        <translation>Exercise results can be saved only in a training database.</translation>
    </message>
    <message>
        <source>研修者の名前が必要です。</source>
        <translation>The trainee&apos;s name is required.</translation>
    </message>
</context>
<context>
    <name>TrainingResultsDialog</name>
    <message>
        <source>練習の結果</source>
        <translation>Exercise Results</translation>
    </message>
    <message>
        <source>このパソコンのトレーニング用データベースにある、すべての研修者の結果です。列の見出しを押すと並べ替えます。</source>
        <translation>The results of every trainee in this computer&apos;s training database. Click a column heading to sort.</translation>
    </message>
    <message>
        <source>選択した結果の報告書（PDF）を保存(&amp;P)...</source>
        <translation>Save the selected result&apos;s report (&amp;PDF)...</translation>
    </message>
    <message>
        <source>すべての結果を CSV で保存(&amp;C)...</source>
        <translation>Save all results as &amp;CSV...</translation>
    </message>
</context>
<context>
    <name>TrainingStartDialog</name>
    <message>
        <source>練習を始める</source>
        <translation>Start an Exercise</translation>
    </message>
    <message>
        <source>練習を選んで、研修者の名前を入力してください。シナリオは最初の状態に戻り、画面の右にコーチが手順を案内します。</source>
        <translation>Choose an exercise and enter the trainee&apos;s name. The scenario goes back to its initial state, and a coach to the right of the screens guides you through the steps.</translation>
    </message>
    <message>
        <source>練習(&amp;E)</source>
        <translation>&amp;Exercise</translation>
    </message>
    <message>
        <source>練習</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>研修者の名前(&amp;N)</source>
        <translation>Trainee&apos;s &amp;name</translation>
    </message>
    <message>
        <source>研修者の名前</source>
        <translation>Trainee&apos;s name</translation>
    </message>
</context>
<context>
    <name>UsageMode</name>
    <message>
        <source>全ての利用者が同じトークンを利用する</source>
        <translation>All users use the same token</translation>
    </message>
    <message>
        <source>全ての利用者が異なるトークンを利用する</source>
        <translation>Each user uses a different token</translation>
    </message>
    <message>
        <source>未設定</source>
        <translation>Not set</translation>
    </message>
</context>
<context>
    <name>UsageModeConfirmPage</name>
    <message>
        <source>カード型ハードトークン利用形態設定確認</source>
        <translation>Card Hard Token Usage Mode Confirmation</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用形態を選択して、契約法人確認暗証番号を入力したあと、「OK」ボタンを押してください。</source>
        <translation>Select the card hard token usage mode, enter the corporate confirmation PIN, and press the &quot;OK&quot; button.</translation>
    </message>
    <message>
        <source>利用形態の選択</source>
        <translation>Usage mode</translation>
    </message>
    <message>
        <source>全ての利用者が同じトークンを利用する（利用者間で同一のトークンを共有する）</source>
        <translation>All users use the same token (the users share one token)</translation>
    </message>
    <message>
        <source>全ての利用者が異なるトークンを利用する（利用者が個々にトークンを所有する）</source>
        <translation>Each user uses a different token (every user has a token of their own)</translation>
    </message>
    <message>
        <source>⚠️ ご注意</source>
        <translation>⚠️ Caution</translation>
    </message>
    <message>
        <source>・利用者を数名ずつのグループに分けて、グループ内で同じトークンを共有するという利用形態はありません。</source>
        <translation>• There is no usage mode in which users are divided into groups that each share a token.</translation>
    </message>
    <message>
        <source>・利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。</source>
        <translation>• If the usage mode is changed, the card hard token registrations are cancelled.</translation>
    </message>
    <message>
        <source>利用形態を設定するには、契約法人確認暗証番号の認証が必要です。
契約法人確認暗証番号を入力し、「OK」ボタンを押してください。</source>
        <translation>Setting the usage mode requires authentication with the corporate confirmation PIN.
Enter the corporate confirmation PIN and press the &quot;OK&quot; button.</translation>
    </message>
    <message>
        <source>契約法人管理情報変更 &gt; 利用者情報登録/変更</source>
        <translation>Change Corporate Administration Information &gt; Register/Change User Information</translation>
    </message>
</context>
<context>
    <name>UserInfoSelectionPage</name>
    <message>
        <source>利用者情報選択</source>
        <translation>User Information Selection</translation>
    </message>
    <message>
        <source>利用者情報の登録・変更を行います。</source>
        <translation>Register or change user information.</translation>
    </message>
    <message>
        <source>カード型ハードトークン</source>
        <translation>Card hard token</translation>
    </message>
    <message>
        <source>利用形態</source>
        <translation>Usage mode</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>利用登録</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>利用者一覧</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>契約法人管理情報変更 &gt; 利用者情報登録/変更</source>
        <translation>Change Corporate Administration Information &gt; Register/Change User Information</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用形態を変更します</source>
        <translation>Changes the usage mode of card hard tokens</translation>
    </message>
    <message>
        <source>カード型ハードトークンを利用登録します</source>
        <translation>Registers card hard tokens</translation>
    </message>
    <message>
        <source>利用者名で絞り込み</source>
        <translation>Filter by user name</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>半角数字10桁</source>
        <translation>10 half-width digits</translation>
    </message>
    <message>
        <source>半角数字6桁</source>
        <translation>6 half-width digits</translation>
    </message>
    <message>
        <source>半角英数字4～12桁</source>
        <translation>4–12 half-width letters and digits</translation>
    </message>
    <message>
        <source>シリアル番号を入力してください。（半角数字10桁）</source>
        <translation>Enter the serial number (10 half-width digits).</translation>
    </message>
    <message>
        <source>シリアル番号は、ハイフンを除いた数字のみで入力してください。</source>
        <translation>Enter the serial number as digits only, without hyphens.</translation>
    </message>
    <message>
        <source>シリアル番号は半角数字で入力してください。全角数字は使用できません。</source>
        <translation>Enter the serial number in half-width digits. Full-width digits cannot be used.</translation>
    </message>
    <message>
        <source>シリアル番号に空白が含まれています。シリアル番号は、ハイフンを除いた数字のみで入力してください。</source>
        <translation>The serial number contains a space. Enter the serial number as digits only, without hyphens.</translation>
    </message>
    <message>
        <source>シリアル番号に使用できない文字が含まれています。半角数字10桁で入力してください。</source>
        <translation>The serial number contains a character that cannot be used. Enter 10 half-width digits.</translation>
    </message>
    <message>
        <source>シリアル番号は半角数字10桁で入力してください。</source>
        <translation>Enter the serial number as 10 half-width digits.</translation>
    </message>
    <message>
        <source>ワンタイムパスワードを入力してください。（半角数字6桁）</source>
        <translation>Enter the one-time password (6 half-width digits).</translation>
    </message>
    <message>
        <source>ワンタイムパスワードは半角数字で入力してください。全角数字は使用できません。</source>
        <translation>Enter the one-time password in half-width digits. Full-width digits cannot be used.</translation>
    </message>
    <message>
        <source>ワンタイムパスワードに使用できない文字が含まれています。半角数字6桁で入力してください。</source>
        <translation>The one-time password contains a character that cannot be used. Enter 6 half-width digits.</translation>
    </message>
    <message>
        <source>ワンタイムパスワードは半角数字6桁で入力してください。</source>
        <translation>Enter the one-time password as 6 half-width digits.</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号を入力してください。（半角英数字4～12桁）</source>
        <translation>Enter the corporate confirmation PIN (4–12 half-width letters and digits).</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号に使用できない文字が含まれています。半角英数字4～12桁で入力してください。</source>
        <translation>The corporate confirmation PIN contains a character that cannot be used. Enter 4–12 half-width letters and digits.</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号は半角英数字4～12桁で入力してください。</source>
        <translation>Enter the corporate confirmation PIN as 4–12 half-width letters and digits.</translation>
    </message>
</context>
<context>
    <name>VirtualCardToken</name>
    <message>
        <source>仮想カードトークン</source>
        <translation>Virtual card token</translation>
    </message>
    <message>
        <source>カード型ハードトークン（表）：利用登録用ワンタイムパスワードを発行するボタンの位置</source>
        <translation>Card hard token (front): the button that issues the one-time password for registration</translation>
    </message>
    <message>
        <source>カード型ハードトークン（裏）：シリアル番号の位置</source>
        <translation>Card hard token (back): where the serial number is</translation>
    </message>
    <message>
        <source>ボタンを押す</source>
        <translation>Press the button</translation>
    </message>
    <message>
        <source>利用登録用ワンタイムパスワードを発行するボタンを押す</source>
        <translation>Press the button that issues the one-time password for registration</translation>
    </message>
</context>
<context>
    <name>VirtualTokens</name>
    <message>
        <source>このデータベースは本番用です。仮想カードトークンはトレーニング用のデータベースでのみ使えます。</source>
        <translation>This is a production database. Virtual card tokens can only be used with a training database.</translation>
    </message>
    <message>
        <source>シリアル番号 %1 のトークンはありません。</source>
        <translation>There is no token with serial number %1.</translation>
    </message>
    <message>
        <source>トークン情報を読み込めません。</source>
        <translation>The token data cannot be read.</translation>
    </message>
    <message>
        <source>ワンタイムパスワードを計算できません。</source>
        <translation>The one-time password cannot be computed.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>契約法人: %1 (%2)</source>
        <translation>Corporation: %1 (%2)</translation>
    </message>
    <message>
        <source>利用形態: %1</source>
        <translation>Usage mode: %1</translation>
    </message>
    <message>
        <source>利用登録済みトークン: %1</source>
        <translation>Registered tokens: %1</translation>
    </message>
    <message>
        <source>誤入力回数: シリアル番号/ワンタイムパスワード %1, 契約法人確認暗証番号 %2</source>
        <translation>Wrong entries: serial number/one-time password %1, corporate confirmation PIN %2</translation>
    </message>
    <message>
        <source>状態: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>利用中止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>利用可能</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>共有トークン: %1</source>
        <translation>Shared token: %1</translation>
    </message>
    <message>
        <source>利用中止状態を解除しました。</source>
        <translation>The suspension has been lifted.</translation>
    </message>
    <message>
        <source>監査ログは正常です (%1 件)。</source>
        <translation>The audit log is intact (%1 entries).</translation>
    </message>
    <message>
        <source>--at には UNIX 時刻（秒）を指定してください。</source>
        <translation>--at takes a Unix time in seconds.</translation>
    </message>
    <message>
        <source>--scale は 1 か 2 です。</source>
        <translation>--scale is 1 or 2.</translation>
    </message>
    <message>
        <source>%1 に第9章を書き出しました。</source>
        <translation>Chapter 9 has been written to %1.</translation>
    </message>
    <message>
        <source>%1 枚を %2 に書き出しました。</source>
        <translation>%1 pictures have been written to %2.</translation>
    </message>
    <message>
        <source>ヘルプデスク担当者ID。</source>
        <translation>Help-desk login.</translation>
    </message>
    <message>
        <source>監査ログの改ざんを検査します。</source>
        <translation>Check the audit chain.</translation>
    </message>
    <message>
        <source>トークンのシリアル番号（半角数字10桁）。</source>
        <translation>Token serial (10 digits).</translation>
    </message>
    <message>
        <source>otp の時刻（UNIX 時刻、秒）。</source>
        <translation>Unix time for otp.</translation>
    </message>
    <message>
        <source>言語（カンマ区切り）。</source>
        <translation>Languages, comma-separated.</translation>
    </message>
    <message>
        <source>倍率（1 または 2）。</source>
        <translation>Scale: 1 or 2.</translation>
    </message>
    <message>
        <source>番号の吹き出しと強調の枠を付けません。</source>
        <translation>No numbered callouts or highlight frames.</translation>
    </message>
    <message>
        <source>不明なコマンドです: %1</source>
        <translation>unknown command: %1</translation>
    </message>
    <message>
        <source>担当者ID %1 を再び利用できるようにしました。</source>
        <translation>Staff ID %1 can be used again.</translation>
    </message>
    <message>
        <source>契約法人 %1 の誤入力回数または利用中止の記録が改ざんされています。</source>
        <translation>The wrong-entry counts or suspension record of corporation %1 have been altered.</translation>
    </message>
    <message>
        <source>トークン %1 の記録が改ざんされています。</source>
        <translation>The record of token %1 has been altered.</translation>
    </message>
    <message>
        <source>担当者ID %1 のサインイン記録が改ざんされています。</source>
        <translation>The sign-in record of staff ID %1 has been altered.</translation>
    </message>
    <message>
        <source>import: 書き込まずに結果だけを表示します。</source>
        <translation>import: show what would be done without writing.</translation>
    </message>
    <message>
        <source>import roster: ファイルにない利用者を削除します（利用登録も解除）。</source>
        <translation>import roster: remove the users missing from the file (their registrations are released).</translation>
    </message>
    <message>
        <source>import roster: 文字コード（utf-8、shift_jis、cp932。既定は自動判定）。</source>
        <translation>import roster: the encoding (utf-8, shift_jis, cp932; detected by default).</translation>
    </message>
    <message>
        <source>init: 管理者の氏名。</source>
        <translation>init: the administrator&apos;s name.</translation>
    </message>
    <message>
        <source>管理者 %1 を登録しました。</source>
        <translation>Administrator %1 has been registered.</translation>
    </message>
    <message>
        <source>ファイル %1 を開けません: %2</source>
        <translation>Cannot open the file %1: %2</translation>
    </message>
    <message>
        <source>本番用のデータベースに取り込むには、--staff で担当者IDを指定し、パスワードを標準入力から入力してください。</source>
        <translation>To import into a production database, give your staff ID with --staff and your password on standard input.</translation>
    </message>
    <message>
        <source>取り込みは行われませんでした。データベースは変更されていません。</source>
        <translation>Nothing was imported. The database was not changed.</translation>
    </message>
    <message>
        <source>取り込みました。</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>確認のみ（--check）: データベースは変更していません。</source>
        <translation>Check only (--check): the database was not changed.</translation>
    </message>
    <message>
        <source>担当者 %1 のパスワード: </source>
        <translation>Password of staff %1: </translation>
    </message>
    <message>
        <source>ファイルのパスフレーズ: </source>
        <translation>Passphrase of the file: </translation>
    </message>
    <message>
        <source>import tokens: 登録済みのシリアル番号を置き換えます（利用登録済みのトークンの状態は変えません）。</source>
        <translation>import tokens: replace known serial numbers (a registered token&apos;s state is kept).</translation>
    </message>
    <message>
        <source>import tokens: PSKC の事前共有鍵のファイル（16 進数）。</source>
        <translation>import tokens: file with the PSKC pre-shared key (hexadecimal).</translation>
    </message>
    <message>
        <source>import tokens: PSKC のパスフレーズのファイル（1 行目）。</source>
        <translation>import tokens: file with the PSKC passphrase (first line).</translation>
    </message>
    <message>
        <source>import tokens: シリアル番号の先頭から取り除く文字列。</source>
        <translation>import tokens: text removed from the start of serial numbers.</translation>
    </message>
    <message>
        <source>パスワード: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>パスワード（確認）: </source>
        <translation>Password (again): </translation>
    </message>
    <message>
        <source>契約法人コード %1 の契約法人は登録されていません。</source>
        <translation>No corporation has corporate code %1.</translation>
    </message>
    <message>
        <source>--corporation で契約法人コードを指定してください。</source>
        <translation>Give the corporate code with --corporation.</translation>
    </message>
    <message>
        <source>新しい担当者のパスワード: </source>
        <translation>New staff member&apos;s password: </translation>
    </message>
    <message>
        <source>新しい担当者のパスワード（確認）: </source>
        <translation>New staff member&apos;s password (again): </translation>
    </message>
    <message>
        <source>担当者 %1 を登録しました。</source>
        <translation>Staff member %1 was registered.</translation>
    </message>
    <message>
        <source>担当者ID %1 を利用停止にしました。</source>
        <translation>Staff ID %1 was disabled.</translation>
    </message>
    <message>
        <source>新しい契約法人確認暗証番号: </source>
        <translation>New corporate confirmation PIN: </translation>
    </message>
    <message>
        <source>新しい契約法人確認暗証番号（確認）: </source>
        <translation>New corporate confirmation PIN (again): </translation>
    </message>
    <message>
        <source>契約法人確認暗証番号を設定しました。</source>
        <translation>The corporate confirmation PIN was set.</translation>
    </message>
    <message>
        <source>誤入力回数をリセットしました。</source>
        <translation>The failure counters were reset.</translation>
    </message>
    <message>
        <source>契約法人コード（データベースに契約法人が 1 つだけなら省略可）。</source>
        <translation>Corporate code (may be left out when the database has one corporation).</translation>
    </message>
    <message>
        <source>操作の理由（監査ログに記録されます）。</source>
        <translation>Reason for the act (recorded in the audit log).</translation>
    </message>
    <message>
        <source>staff add: staff（担当者）または admin（管理者）。</source>
        <translation>staff add: staff or admin.</translation>
    </message>
    <message>
        <source>本番用のデータベースの監査ログを書き出すには、--staff で担当者IDを指定してください。</source>
        <translation>To export the audit log of a production database, give the staff ID with --staff.</translation>
    </message>
    <message>
        <source>%1 件を %2 に書き出しました。</source>
        <translation>Wrote %1 entries to %2.</translation>
    </message>
    <message>
        <source>audit export: 利用者名または利用者IDの一部。</source>
        <translation>audit export: part of a user&apos;s name or user ID.</translation>
    </message>
    <message>
        <source>audit export: 操作（例: corporation.unlocked、token.）。</source>
        <translation>audit export: action (e.g. corporation.unlocked, token.).</translation>
    </message>
    <message>
        <source>audit export: 操作者（担当者ID、cli など）。</source>
        <translation>audit export: actor (staff ID, cli, ...).</translation>
    </message>
    <message>
        <source>audit export: この日から（YYYY-MM-DD）。</source>
        <translation>audit export: from this day (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>audit export: この日まで（YYYY-MM-DD）。</source>
        <translation>audit export: up to this day (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>カードのワンタイムパスワード（1 つ目）: </source>
        <translation>The card&apos;s one-time password (first): </translation>
    </message>
    <message>
        <source>カードのワンタイムパスワード（2 つ目）: </source>
        <translation>The card&apos;s one-time password (second): </translation>
    </message>
    <message>
        <source>カードを同期しました。</source>
        <translation>The card was resynchronised.</translation>
    </message>
    <message>
        <source>カードのワンタイムパスワード: </source>
        <translation>The card&apos;s one-time password: </translation>
    </message>
    <message>
        <source>予備（利用登録なし）</source>
        <translation>spare (not registered)</translation>
    </message>
    <message>
        <source>カード %1 は正常です（%2）。</source>
        <translation>Card %1 works (%2).</translation>
    </message>
    <message>
        <source>カード %1 のワンタイムパスワードが一致しません（%2）。あと %3 回誤ると、このカードは確認できなくなります。</source>
        <translation>The one-time password of card %1 does not match (%2). After %3 more wrong codes this card can no longer be checked.</translation>
    </message>
    <message>
        <source>暗号鍵の交換は管理者だけが行えます。</source>
        <translation>Only an administrator can replace the data key.</translation>
    </message>
    <message>
        <source>暗号鍵を交換しました（トークン %1 件）。新しい鍵: %2（以前の鍵: %2.old）</source>
        <translation>The data key was replaced (%1 tokens). New key: %2 (previous key: %2.old)</translation>
    </message>
    <message>
        <source>契約法人、利用形態、利用登録、誤入力回数を表示します。</source>
        <translation>Shows the corporation, the usage mode, the registrations and the counts of wrong entries.</translation>
    </message>
    <message>
        <source>トレーニング用シナリオを読み込みます（トレーニング用データを置き換えます）。</source>
        <translation>Loads a training scenario (replaces the training data).</translation>
    </message>
    <message>
        <source>シナリオを最初の状態に戻します（誤入力回数と利用中止も）。</source>
        <translation>Resets the scenario to its first state (the counts of wrong entries and the suspension too).</translation>
    </message>
    <message>
        <source>利用中止を解除します。標準入力: 担当者のパスワード。</source>
        <translation>Lifts the suspension. Standard input: the staff member&apos;s password.</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号を設定します。標準入力: 担当者のパスワード、新しい暗証番号を 2 回。</source>
        <translation>Sets the corporate confirmation PIN. Standard input: the staff member&apos;s password, then the new PIN twice.</translation>
    </message>
    <message>
        <source>誤入力回数をリセットします。標準入力: 担当者のパスワード。</source>
        <translation>Resets the counts of wrong entries. Standard input: the staff member&apos;s password.</translation>
    </message>
    <message>
        <source>担当者を登録します（管理者のみ）。標準入力: 管理者のパスワード、新しいパスワードを 2 回。</source>
        <translation>Adds a staff member (administrators only). Standard input: the administrator&apos;s password, then the new password twice.</translation>
    </message>
    <message>
        <source>担当者IDを利用停止にします（管理者のみ）。標準入力: 管理者のパスワード。</source>
        <translation>Disables a staff ID (administrators only). Standard input: the administrator&apos;s password.</translation>
    </message>
    <message>
        <source>利用停止の担当者IDを戻します（管理者のみ）。標準入力: 管理者のパスワード。</source>
        <translation>Enables a disabled staff ID again (administrators only). Standard input: the administrator&apos;s password.</translation>
    </message>
    <message>
        <source>カードの確認。標準入力: 担当者のパスワード、カードに表示中のワンタイムパスワード。</source>
        <translation>Checks a card. Standard input: the staff member&apos;s password, then the one-time password the card shows.</translation>
    </message>
    <message>
        <source>先に進みすぎた HOTP カードの同期。標準入力: パスワード、続けて表示された 2 つのコード。</source>
        <translation>Resynchronises an HOTP card that ran ahead. Standard input: the password, then two codes shown in a row.</translation>
    </message>
    <message>
        <source>データ暗号鍵を交換します（管理者のみ。ほかのコンソールはすべて閉じてから）。</source>
        <translation>Replaces the data encryption key (administrators only; close every other console first).</translation>
    </message>
    <message>
        <source>空のデータベースに最初の管理者を作ります（パスワードは標準入力から 2 回）。</source>
        <translation>Creates the first administrator in an empty database (the password twice from standard input).</translation>
    </message>
    <message>
        <source>契約法人と利用者の名簿を取り込みます（本番用では担当者のパスワードを標準入力から）。</source>
        <translation>Imports the roster of corporations and users (on a production database, the staff member&apos;s password from standard input).</translation>
    </message>
    <message>
        <source>ベンダーのトークン（PSKC または CSV）を取り込みます。標準入力: 担当者のパスワード、続いて（--passphrase-file がなく、必要なら）PSKC のパスフレーズ。</source>
        <translation>Imports the vendor&apos;s tokens (PSKC or CSV). Standard input: the staff member&apos;s password, then (without --passphrase-file, when needed) the PSKC passphrase.</translation>
    </message>
    <message>
        <source>トレーニング用トークンのカードの表示（--at: UNIX 時刻、既定は現在）。</source>
        <translation>Shows what a training token&apos;s card displays (--at: UNIX time, default now).</translation>
    </message>
    <message>
        <source>第9章の全画面の PNG と manifest.json を書き出します（再現可能）。</source>
        <translation>Writes PNGs of every chapter 9 screen and manifest.json (reproducible).</translation>
    </message>
    <message>
        <source>最新の画面写真入りの第9章（HTML と PDF）を書き出します。</source>
        <translation>Writes chapter 9 (HTML and PDF) with up-to-date screenshots.</translation>
    </message>
    <message>
        <source>監査ログを表示します（--verify: 改ざんを検査します）。</source>
        <translation>Shows the audit log (--verify: checks it for tampering).</translation>
    </message>
    <message>
        <source>検査したうえで監査ログを CSV（UTF-8、BOM 付き）に書き出します。</source>
        <translation>Verifies the audit log, then writes it to a CSV file (UTF-8 with BOM).</translation>
    </message>
    <message>
        <source>使い方: %1</source>
        <translation>Usage: %1</translation>
    </message>
    <message>
        <source>データベースの指定など共通のオプションは hardtoken-cli --help で表示します。</source>
        <translation>Options shared by all commands, such as the database, are shown by hardtoken-cli --help.</translation>
    </message>
    <message>
        <source>使い方は hardtoken-cli --help で表示します。</source>
        <translation>Run hardtoken-cli --help for usage.</translation>
    </message>
    <message>
        <source>status, audit: JSON で出力します（README の「hardtoken-cli --json」）。</source>
        <translation>status, audit: output JSON (see &quot;hardtoken-cli --json&quot; in the README).</translation>
    </message>
    <message>
        <source>不明なオプションです: %1</source>
        <translation>Unknown option: %1</translation>
    </message>
    <message>
        <source>余分な引数があります: %1</source>
        <translation>Extra arguments: %1</translation>
    </message>
    <message>
        <source>引数が足りません</source>
        <translation>Missing arguments</translation>
    </message>
    <message>
        <source>オプション --%1 は %2 では使えません</source>
        <translation>Option --%1 cannot be used with %2</translation>
    </message>
    <message>
        <source>データベース %1 がありません。--database で既存のデータベースを指定してください（新しく作るときは init、トレーニング用は --training）。</source>
        <translation>The database %1 does not exist. Give an existing database with --database (to create one, use init; for training, --training).</translation>
    </message>
    <message>
        <source>大規模法人のトレーニング用シナリオ（JSON）を作ります（--users 名、既定 50000。負荷の確認と絞り込みの練習用）。</source>
        <translation>Writes a training scenario (JSON) of a large corporation (--users people, default 50000; for load checks and practising the filter).</translation>
    </message>
    <message>
        <source>scenario generate: 利用者の数。</source>
        <translation>scenario generate: the number of users.</translation>
    </message>
    <message>
        <source>出力先（screenshots と manual: フォルダー。audit export と scenario generate: ファイル）。</source>
        <translation>Where to write (screenshots and manual: a folder; audit export and scenario generate: a file).</translation>
    </message>
    <message>
        <source>--users は 1 から %1 までの数です。</source>
        <translation>--users is a number from 1 to %1.</translation>
    </message>
    <message>
        <source>%1 に書き込めません: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>利用者 %1 名のシナリオを %2 に書き出しました。</source>
        <translation>Wrote a scenario of %1 users to %2.</translation>
    </message>
    <message>
        <source>screenshots と manual: 進み具合を表示しません。</source>
        <translation>screenshots and manual: print no progress.</translation>
    </message>
    <message>
        <source>トレーニングの練習（目標と手順）を一覧にします。</source>
        <translation>Lists the training exercises (goal and steps).</translation>
    </message>
    <message numerus="yes">
        <source>%n 手順</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>練習の結果を書き出します: すべての結果の CSV（UTF-8、BOM 付き）と、結果ごとの 1 ページの報告書（PDF）。</source>
        <translation>Writes the exercise results: every result as CSV (UTF-8 with BOM) and a one-page PDF report for each.</translation>
    </message>
    <message>
        <source>このデータベースはトレーニング用ではありません。</source>
        <translation>This database is not a training database.</translation>
    </message>
    <message>
        <source>%1 を作れません。</source>
        <translation>Cannot create %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n 件の結果を %1 に書き出しました。</source>
        <translation>
            <numerusform>Wrote %n result to %1.</numerusform>
            <numerusform>Wrote %n results to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>exercise report: この研修者の結果だけ。</source>
        <translation>exercise report: only this trainee&apos;s results.</translation>
    </message>
    <message>
        <source>コマンド（上の一覧）</source>
        <translation>command (see the list above)</translation>
    </message>
    <message>
        <source>オプション --%1 が必要です</source>
        <translation>Option --%1 is required</translation>
    </message>
    <message>
        <source>カード型ハードトークン 管理コンソール（コマンドライン）</source>
        <translation>Card Hard Token Administration Console (command line)</translation>
    </message>
    <message>
        <source>コマンド:</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <source>コマンドごとの説明: hardtoken-cli COMMAND --help</source>
        <translation>A command&apos;s own help: hardtoken-cli COMMAND --help</translation>
    </message>
    <message>
        <source>誤入力で利用できなくなった担当者ID（またはカード card:SERIAL）を再び利用できるようにします（他の管理者のみ）。標準入力: 管理者のパスワード。</source>
        <translation>Makes a staff ID (or a card, card:SERIAL) locked by wrong entries usable again (another administrator only). Standard input: the administrator&apos;s password.</translation>
    </message>
    <message>
        <source>server: 窓口の端末が接続に使う PostgreSQL のロール名。</source>
        <translation>server: the PostgreSQL role the desk PCs connect with.</translation>
    </message>
    <message>
        <source>サーバーの権限を設定しました（窓口の端末のロール: %1）。</source>
        <translation>The server privileges were set (desk role: %1).</translation>
    </message>
    <message>
        <source>PostgreSQL のデータベースと、正しいロール名を指定してください。</source>
        <translation>Give a PostgreSQL database and a valid role name.</translation>
    </message>
    <message>
        <source>PostgreSQL（--postgres にスキーマの所有者の接続と --key-file）: 窓口の端末のロールを作り、秘密の列を読めず、表に書き込めないように権限を設定します。サーバーの関数（サインイン、トークンの確認、暗証番号で行う操作、管理の操作）を入れ、トークンの秘密鍵をサーバーの鍵で保管します。マイグレーション、トークンの取り込み、暗号鍵の交換のあとにも実行します。</source>
        <translation>PostgreSQL (--postgres: the schema owner&apos;s connection, and --key-file): creates the desk role and sets its privileges so that it cannot read the secret columns or write to any table; installs the server&apos;s functions (sign-in, the token check, the PIN-authorised acts, the 管理 acts) and keeps the token secrets under the server&apos;s key. Run it again after each migration, token import and key rotation.</translation>
    </message>
    <message>
        <source>PostgreSQL: ロールが表ごとにできること（サーバーの答えのまま）。</source>
        <translation>PostgreSQL: what a role may do on each table (as the server answers).</translation>
    </message>
    <message>
        <source>サーバーが管理するデータベース（--postgres に端末用ロールの接続、暗号鍵なし）に名簿を取り込みます（管理者。標準入力: パスワード）。</source>
        <translation>Imports the roster into a store ruled by the server (--postgres: the desk role&apos;s connection, no key) (administrators; standard input: the password).</translation>
    </message>
    <message>
        <source>サーバーが管理するデータベースにトークンを取り込みます。秘密鍵はサーバーだけが保管します（管理者。標準入力: パスワード、必要なら PSKC のパスフレーズ）。</source>
        <translation>Imports tokens into a store ruled by the server; only the server keeps their secrets (administrators; standard input: the password, then the PSKC passphrase when needed).</translation>
    </message>
    <message>
        <source>--desk はコンソールのオプションです。コマンドラインからは desk import を使ってください。</source>
        <translation>--desk is an option of the console. From the command line, use desk import.</translation>
    </message>
</context>
<context>
    <name>hardtoken::AuditLogModel</name>
    <message>
        <source>番号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>操作者</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>契約法人</source>
        <translation>Corporation</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>hardtoken::AuditViewerDialog</name>
    <message>
        <source>監査ログの書き出し</source>
        <translation>Export the Audit Log</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 件</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>書き出すには、担当者IDとパスワードを入力してください。</source>
        <translation>To export, enter the staff ID and password.</translation>
    </message>
    <message>
        <source>監査ログは正常です（%1 件）。%2 件を %3 に書き出しました。
SHA-256: %4</source>
        <translation>The audit log is intact (%1 entries). Wrote %2 entries to %3.
SHA-256: %4</translation>
    </message>
</context>
<context>
    <name>hardtoken::CardFace</name>
    <message>
        <source>カード型ハードトークン（表）</source>
        <translation>Card hard token (front)</translation>
    </message>
    <message>
        <source>カード型ハードトークン（裏）</source>
        <translation>Card hard token (back)</translation>
    </message>
    <message>
        <source>利用登録用ワンタイムパスワードを発行するボタン</source>
        <translation>Button that issues the one-time password for registration</translation>
    </message>
    <message>
        <source>このカードは大切に保管してください。拾得された方は、お近くの店舗までお届けください。</source>
        <translation>Keep this card safe. If found, please hand it in at one of our branches.</translation>
    </message>
    <message>
        <source>シリアル番号</source>
        <translation>Serial number</translation>
    </message>
</context>
<context>
    <name>hardtoken::CoachPanel</name>
    <message>
        <source>「%1」ボタン</source>
        <translation>the &quot;%1&quot; button</translation>
    </message>
    <message>
        <source>「%1」リンク</source>
        <translation>the &quot;%1&quot; link</translation>
    </message>
    <message>
        <source>「%1」の選択肢</source>
        <translation>the &quot;%1&quot; option</translation>
    </message>
    <message>
        <source>「%1」の表</source>
        <translation>the &quot;%1&quot; table</translation>
    </message>
    <message>
        <source>「%1」の入力欄</source>
        <translation>the &quot;%1&quot; field</translation>
    </message>
    <message>
        <source>画面の赤い枠：%1</source>
        <translation>Red frames on the screen: %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>目標：%1</source>
        <translation>Goal: %1</translation>
    </message>
    <message>
        <source>全 %1 手順</source>
        <translation>All %1 steps</translation>
    </message>
    <message>
        <source>手順 %1 / %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>見本(&amp;D)</source>
        <translation>&amp;Demonstrate</translation>
    </message>
    <message>
        <source>練習を完了しました</source>
        <translation>Exercise completed</translation>
    </message>
    <message>
        <source>練習を中断しました</source>
        <translation>Exercise stopped</translation>
    </message>
    <message>
        <source>所要時間 %1、ヒント %2 回、見本 %3 回、誤操作 %4 回、達した誤入力回数 %5（暗証番号 %6）。%7</source>
        <translation>Time %1, hints %2, demonstrations %3, wrong turns %4, wrong entries reached %5 (PIN %6). %7</translation>
    </message>
    <message>
        <source>結果は「%1」さんの記録として保存しました。</source>
        <translation>The result was saved for %1.</translation>
    </message>
    <message>
        <source>結果を保存できませんでした: %1</source>
        <translation>The result could not be saved: %1</translation>
    </message>
    <message>
        <source>%1&#x3000;%2（ヒント %3、見本 %4、誤操作 %5）</source>
        <translation>%1  %2 (hints %3, demonstrations %4, wrong turns %5)</translation>
    </message>
    <message>
        <source>・%1（%2）</source>
        <translation>• %1 (%2)</translation>
    </message>
    <message>
        <source>見本を再生中…（Esc で止めます）</source>
        <translation>Demonstrating… (Esc stops)</translation>
    </message>
</context>
<context>
    <name>hardtoken::ConnectionBanner</name>
    <message>
        <source>データベースに再接続しました。画面の表示内容を読み込み直しました。</source>
        <translation>Reconnected to the database. What the screen shows has been read again.</translation>
    </message>
    <message>
        <source>不明</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>データベースに接続できません。再接続しています…（最後に接続できた時刻: %1）。画面の表示内容はその時点のもので、最新ではありません。入力内容はそのまま残っています。</source>
        <translation>Cannot connect to the database. Reconnecting… (last connected at %1). What the screen shows dates from then and is not current. What you entered has been kept.</translation>
    </message>
    <message>
        <source>今すぐ再接続(&amp;R)</source>
        <translation>&amp;Reconnect now</translation>
    </message>
</context>
<context>
    <name>hardtoken::CorporateStatusPage</name>
    <message numerus="yes">
        <source>%n 個</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>利用中止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>ご利用いただけます</source>
        <translation>Available</translation>
    </message>
</context>
<context>
    <name>hardtoken::CorporationSearchModel</name>
    <message>
        <source>利用中止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>利用可能</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>契約法人コード</source>
        <translation>Corporate code</translation>
    </message>
    <message>
        <source>契約法人名</source>
        <translation>Corporation name</translation>
    </message>
    <message>
        <source>利用者数</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>利用登録済みトークン</source>
        <translation>Registered tokens</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>hardtoken::CorporationSelectionPage</name>
    <message>
        <source>契約法人が登録されていません。</source>
        <translation>No corporation is registered.</translation>
    </message>
    <message>
        <source>「%1」に当てはまる契約法人はありません。</source>
        <translation>No corporation matches &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 件を表示しています。ほかにも当てはまる契約法人があります。絞り込んでください。</source>
        <translation>Showing %1 corporations. More corporations match: type more to narrow the list.</translation>
    </message>
    <message>
        <source>%1 件</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <source>契約法人を選択してください。</source>
        <translation>Select a corporation.</translation>
    </message>
</context>
<context>
    <name>hardtoken::Demonstration</name>
    <message>
        <source>いまの画面では見本を再生できません。</source>
        <translation>No demonstration can be played on this screen.</translation>
    </message>
    <message>
        <source>利用登録できるカードが残っていません。</source>
        <translation>No card is left to register.</translation>
    </message>
</context>
<context>
    <name>hardtoken::DeskSession</name>
    <message>
        <source>処理中にエラーが発生したため、サインインできませんでした。</source>
        <translation>An error occurred while processing, so you could not be signed in.</translation>
    </message>
</context>
<context>
    <name>hardtoken::DeskSignInPage</name>
    <message>
        <source>担当者IDとパスワードを入力してください。</source>
        <translation>Enter your staff ID and password.</translation>
    </message>
</context>
<context>
    <name>hardtoken::FirstRunPage</name>
    <message>
        <source>まだ契約法人が登録されていません。名簿を取り込んでから、もう一度確認してください。</source>
        <translation>No corporation is registered yet. Import the roster, then check again.</translation>
    </message>
    <message>
        <source>（済み）</source>
        <translation>(done)</translation>
    </message>
    <message>
        <source>（未実施）</source>
        <translation>(not done yet)</translation>
    </message>
    <message>
        <source>最初の管理者を登録する（パスワードを 2 回入力）</source>
        <translation>Register the first administrator (password entered twice)</translation>
    </message>
    <message>
        <source>データベース: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>銀行の名簿（契約法人と利用者、CSV）を取り込む（管理 &gt; 名簿の取り込み、または）</source>
        <translation>Import the bank&apos;s roster (corporations and users, CSV) (Administration &gt; Import the roster, or)</translation>
    </message>
    <message>
        <source>ベンダーのトークン（PSKC または CSV）を取り込む（管理 &gt; トークンの取り込み、または）</source>
        <translation>Import the vendor&apos;s tokens (PSKC or CSV) (Administration &gt; Import tokens, or)</translation>
    </message>
    <message>
        <source>まだ管理者が登録されていません。最初の管理者を登録してから、もう一度確認してください。</source>
        <translation>No administrator has been registered yet. Register the first administrator, then check again.</translation>
    </message>
</context>
<context>
    <name>hardtoken::ImportDialog</name>
    <message>
        <source>CSV (*.csv);;すべてのファイル (*)</source>
        <translation>CSV (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>ファイルを開けません: %1</source>
        <translation>Cannot open the file: %1</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(none given)</translation>
    </message>
    <message>
        <source>取り込みは行われませんでした。データベースは変更されていません。</source>
        <translation>Nothing was imported. The database was not changed.</translation>
    </message>
    <message>
        <source>取り込みました。</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>確認のみ: データベースは変更していません。</source>
        <translation>Check only: the database was not changed.</translation>
    </message>
    <message>
        <source>自動判定（UTF-8 または Shift_JIS）</source>
        <translation>Detect (UTF-8 or Shift_JIS)</translation>
    </message>
    <message>
        <source>名簿の取り込み</source>
        <translation>Import the Roster</translation>
    </message>
    <message>
        <source>トークンの取り込み</source>
        <translation>Import Tokens</translation>
    </message>
    <message>
        <source>銀行の名簿（契約法人コード、契約法人名、利用者ID、利用者名、表示順の列がある CSV）を取り込みます。すべての行が正しいときだけ、まとめて書き込みます。</source>
        <translation>Imports the bank&apos;s roster (a CSV with the columns corporate code, corporation name, user ID, user name and display order). It is written only when every line is right, all at once.</translation>
    </message>
    <message>
        <source>ベンダーのトークン（PSKC または CSV）を取り込みます。MAC が 1 つでも一致しないファイルは、まったく取り込みません。</source>
        <translation>Imports the vendor&apos;s tokens (PSKC or CSV). A file in which a single MAC does not match is not imported at all.</translation>
    </message>
    <message>
        <source>PSKC または CSV (*.pskc *.pskcxml *.xml *.csv);;すべてのファイル (*)</source>
        <translation>PSKC or CSV (*.pskc *.pskcxml *.xml *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>鍵のファイル (*.hex *.key *.txt);;すべてのファイル (*)</source>
        <translation>Key files (*.hex *.key *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>ファイル %1</source>
        <translation>File %1</translation>
    </message>
</context>
<context>
    <name>hardtoken::IndividualRegistrationConfirmPage</name>
    <message>
        <source>削除する利用登録情報をチェックしてください。</source>
        <translation>Check the registrations to delete.</translation>
    </message>
</context>
<context>
    <name>hardtoken::Language</name>
    <message>
        <source>カード型ハードトークン 管理コンソール</source>
        <translation>Card Hard Token Administration Console</translation>
    </message>
</context>
<context>
    <name>hardtoken::MainWindow</name>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>トレーニング用データ</source>
        <translation>Training data</translation>
    </message>
    <message>
        <source>本番データ</source>
        <translation>Production data</translation>
    </message>
    <message>
        <source>契約法人の選択(&amp;O)...</source>
        <translation>Select a corporation(&amp;O)...</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>このコンソールについて(&amp;A)...</source>
        <translation>&amp;About this console...</translation>
    </message>
    <message>
        <source>設定(&amp;S)...</source>
        <translation>&amp;Settings...</translation>
    </message>
    <message>
        <source>サインアウト(&amp;G)</source>
        <translation>Si&amp;gn out</translation>
    </message>
    <message>
        <source>担当者: %1（%2）</source>
        <translation>Staff: %1 (%2)</translation>
    </message>
    <message>
        <source>トークンがまだ登録されていません。利用登録の前に、管理 &gt; トークンの取り込み でベンダーのトークンを取り込んでください。</source>
        <translation>No token has been registered yet. Before registering, import the vendor&apos;s tokens with Administration &gt; Import Tokens.</translation>
    </message>
</context>
<context>
    <name>hardtoken::PinConfirmation</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>hardtoken::PinInput</name>
    <message>
        <source>契約法人確認暗証番号</source>
        <translation>Corporate confirmation PIN</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>ソフトウェアキーボード</source>
        <translation>Software keyboard</translation>
    </message>
    <message>
        <source>ソフトウェアキーボードを開いて入力します</source>
        <translation>Opens the software keyboard to type with</translation>
    </message>
</context>
<context>
    <name>hardtoken::RegistrationFlow</name>
    <message>
        <source>この画面では利用登録を開始できません。</source>
        <translation>Registration cannot be started from this screen.</translation>
    </message>
    <message>
        <source>本システムは利用中止状態です。</source>
        <translation>This system is suspended.</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用形態が設定されていません。「変更」ボタンを押して、利用形態を設定してください。</source>
        <translation>The card hard token usage mode has not been set. Press the &quot;Change&quot; button to set it.</translation>
    </message>
    <message>
        <source>この画面では「次へ」は使えません。</source>
        <translation>&quot;Next&quot; cannot be used on this screen.</translation>
    </message>
    <message>
        <source>この画面では利用形態を設定できません。</source>
        <translation>The usage mode cannot be set on this screen.</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用形態の設定が完了しました。</source>
        <translation>The card hard token usage mode has been set.</translation>
    </message>
    <message>
        <source>この画面では利用登録を確定できません。</source>
        <translation>Registrations cannot be confirmed on this screen.</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用登録が完了しました。</source>
        <translation>The card hard token registration is complete.</translation>
    </message>
    <message>
        <source>利用中止状態を解除しました。引き続きご利用いただけます。</source>
        <translation>The suspension has been lifted. The service can be used again.</translation>
    </message>
</context>
<context>
    <name>hardtoken::RegistrationListModel</name>
    <message>
        <source>%1 の利用登録情報を選択</source>
        <translation>Select the registration for %1</translation>
    </message>
    <message>
        <source>選択</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>利用者名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>利用登録するトークン
シリアル番号</source>
        <translation>Token to register
serial number</translation>
    </message>
</context>
<context>
    <name>hardtoken::RegistrationService</name>
    <message>
        <source>本システムは利用中止状態です。利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。</source>
        <translation>This system is suspended. To lift the suspension, contact the help desk for this system.</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号を一定回数以上誤って入力したため、本システムは利用中止状態になりました。利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。</source>
        <translation>Because the corporate confirmation PIN was entered wrongly a certain number of times, this system has been suspended. To lift the suspension, contact the help desk for this system.</translation>
    </message>
    <message>
        <source>シリアル番号またはワンタイムパスワードを一定回数以上誤って入力したため、本システムは利用中止状態になりました。利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。</source>
        <translation>Because the serial number or one-time password was entered wrongly a certain number of times, this system has been suspended. To lift the suspension, contact the help desk for this system.</translation>
    </message>
    <message>
        <source>シリアル番号 %1 は、利用登録情報の一覧で%2さんに指定されています。</source>
        <translation>The serial number %1 is already in the list of registrations for %2.</translation>
    </message>
    <message>
        <source>全ての利用者</source>
        <translation>all users</translation>
    </message>
    <message>
        <source>シリアル番号 %1 のトークンは、%2が利用登録しています。</source>
        <translation>The token with serial number %1 is registered to %2.</translation>
    </message>
    <message>
        <source>トークン情報を読み込めません。お問い合わせ先までご照会ください。</source>
        <translation>The token data cannot be read. Please contact the help desk.</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用形態を選択してください。</source>
        <translation>Select a card hard token usage mode.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、利用形態は変更されませんでした。</source>
        <translation>An error occurred, so the usage mode was not changed.</translation>
    </message>
    <message>
        <source>カード型ハードトークンの利用形態を設定してください。</source>
        <translation>Set the card hard token usage mode first.</translation>
    </message>
    <message>
        <source>現在の利用形態では、この操作はできません。</source>
        <translation>This cannot be done in the current usage mode.</translation>
    </message>
    <message>
        <source>利用登録するトークンが入力されていません。</source>
        <translation>No token to register has been entered.</translation>
    </message>
    <message>
        <source>登録処理中にエラーが発生したため、利用登録は行われませんでした。入力内容はそのまま残っています。</source>
        <translation>An error occurred, so nothing was registered. What you entered has been kept.</translation>
    </message>
    <message>
        <source>利用者を選択してください。</source>
        <translation>Select a user.</translation>
    </message>
    <message>
        <source>利用登録情報がありません。「追加」ボタンを押して、利用登録情報を追加してください。</source>
        <translation>There are no registrations. Press the &quot;Add&quot; button to add one.</translation>
    </message>
    <message>
        <source>他の利用者</source>
        <translation>another user</translation>
    </message>
    <message>
        <source>登録処理中にエラーが発生したため、利用登録は行われませんでした。利用登録情報の一覧はそのまま残っています。</source>
        <translation>An error occurred, so nothing was registered. The list of registrations has been kept.</translation>
    </message>
    <message>
        <source>利用中止状態ではありません。</source>
        <translation>The system is not suspended.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、利用中止状態は解除されませんでした。</source>
        <translation>An error occurred, so the suspension was not lifted.</translation>
    </message>
    <message numerus="yes">
        <source>契約法人確認暗証番号が正しくありません。あと%n回誤って入力すると、本システムは利用中止状態になります。</source>
        <translation>
            <numerusform>The corporate confirmation PIN is not correct. After %n more wrong entry, this system will be suspended.</numerusform>
            <numerusform>The corporate confirmation PIN is not correct. After %n more wrong entries, this system will be suspended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>シリアル番号またはワンタイムパスワードが正しくありません。あと%n回誤って入力すると、本システムは利用中止状態になります。</source>
        <translation>
            <numerusform>The serial number or one-time password is not correct. After %n more wrong entry, this system will be suspended.</numerusform>
            <numerusform>The serial number or one-time password is not correct. After %n more wrong entries, this system will be suspended.</numerusform>
        </translation>
    </message>
    <message>
        <source>他の端末が処理中のため、入力内容を確認できませんでした。入力内容はそのまま残っています。もう一度お試しください。</source>
        <translation>Another desktop is busy with the database, so your entry could not be checked. Nothing you entered was lost. Please try again.</translation>
    </message>
    <message>
        <source>トークン %1 の記録が、コンソールの外で変更されています。お問い合わせ先までご照会ください。</source>
        <translation>The record of token %1 was changed outside the console. Please contact the help desk.</translation>
    </message>
    <message>
        <source>処理中にエラーが発生したため、入力内容を確認できませんでした。もう一度お試しください。</source>
        <translation>An error occurred, so your entry could not be checked. Please try again.</translation>
    </message>
    <message>
        <source>他の端末で契約法人確認暗証番号を確認中です。しばらくしてから、もう一度お試しください。</source>
        <translation>The corporate confirmation PIN is being checked on another desktop. Please try again in a moment.</translation>
    </message>
    <message>
        <source>%1さんのワンタイムパスワードは、すでに使用されています（他の端末で先に登録されました）。削除してから、カードに表示される新しいワンタイムパスワードで追加し直してください。</source>
        <translation>The one-time password for %1 has already been used (it was registered first on another desktop). Delete the entry, then add it again with the new one-time password the card shows.</translation>
    </message>
    <message>
        <source>このワンタイムパスワードは、すでに使用されています（他の端末で先に登録されました）。カードに表示される新しいワンタイムパスワードで入力し直してください。</source>
        <translation>This one-time password has already been used (it was registered first on another desktop). Enter the new one-time password the card shows.</translation>
    </message>
    <message>
        <source>一覧のトークン %1 が、その間に%2に利用登録されました。利用登録は行われませんでした。</source>
        <translation>Token %1 in the list was registered to %2 in the meantime. Nothing was registered.</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号が設定されていません。本システムに関するお問い合わせ先までご照会ください。</source>
        <translation>The corporate confirmation PIN has not been set. Please contact the inquiry desk for this system.</translation>
    </message>
    <message>
        <source>データベースとの接続が切れたため、処理が完了したかどうかを確認できませんでした。接続が戻りしだい、結果をお知らせします。入力内容はそのまま残っています。</source>
        <translation>The connection to the database was lost, so it could not be confirmed whether the operation completed. You will be told the result as soon as the connection is back. What you entered has been kept.</translation>
    </message>
    <message>
        <source>接続が戻りました。先ほどの処理は完了していました。</source>
        <translation>The connection is back. The previous operation had completed.</translation>
    </message>
    <message>
        <source>接続が戻りました。先ほどの処理は行われていません。入力内容はそのまま残っています。もう一度お試しください。</source>
        <translation>The connection is back. The previous operation was not carried out. What you entered has been kept. Please try again.</translation>
    </message>
    <message>
        <source>先ほどの処理が完了したかどうかを、まだ確認できていません。データベースへの接続が戻るまでお待ちください。</source>
        <translation>It is not yet known whether the previous operation completed. Please wait until the connection to the database is back.</translation>
    </message>
    <message>
        <source>担当者のサインインが終わっています。サインインし直してください。</source>
        <translation>The staff sign-in has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>トークンまたは契約法人の記録が、コンソールの外で変更されています。お問い合わせ先までご照会ください。</source>
        <translation>A record of the token or the corporation was changed outside the console. Please contact the inquiry desk.</translation>
    </message>
    <message>
        <source>一覧のトークンを、もう一度確認してください（その間に他の端末で登録されたか、確認したときのサインインが終わっています）。利用登録は行われませんでした。</source>
        <translation>Check the tokens in the list again (one was registered on another desk meanwhile, or the sign-in under which it was checked has ended). Nothing was registered.</translation>
    </message>
</context>
<context>
    <name>hardtoken::SettingsDialog</name>
    <message>
        <source>SQLite データベース (*.sqlite *.db);;すべてのファイル (*)</source>
        <translation>SQLite databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>窓の位置と大きさを元に戻しました。</source>
        <translation>The window positions and sizes have been reset.</translation>
    </message>
    <message>
        <source>%1 はフォルダーです。データベースのファイル名を入力してください。</source>
        <translation>%1 is a folder. Enter the name of the database file.</translation>
    </message>
    <message>
        <source>フォルダー %1 がありません。</source>
        <translation>The folder %1 does not exist.</translation>
    </message>
    <message>
        <source>共有データベースの接続文字列を入力してください。</source>
        <translation>Enter the connection string of the shared database.</translation>
    </message>
    <message>
        <source>（記録していません）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>ファイルを空にすると、既定の場所（%1）を使います。起動時の --database と --postgres は、この設定より優先されます。</source>
        <translation>With the file left empty, the default place (%1) is used. --database and --postgres at start-up take precedence over this setting.</translation>
    </message>
</context>
<context>
    <name>hardtoken::SharedRegistrationConfirmPage</name>
    <message>
        <source>なし</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>hardtoken::SoftwareKeyboard</name>
    <message>
        <source>大文字 %1</source>
        <translation>Upper case %1</translation>
    </message>
    <message>
        <source>小文字 %1</source>
        <translation>Lower case %1</translation>
    </message>
    <message>
        <source>小文字</source>
        <translation>Lower case</translation>
    </message>
    <message>
        <source>大文字</source>
        <translation>Upper case</translation>
    </message>
    <message>
        <source>（未入力）</source>
        <translation>(nothing entered)</translation>
    </message>
    <message>
        <source>%1 文字入力済み</source>
        <translation>%1 characters entered</translation>
    </message>
</context>
<context>
    <name>hardtoken::StaffActDialog</name>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 の契約法人確認暗証番号を設定しました。これまでの暗証番号は使えません。</source>
        <translation>The corporate confirmation PIN of %1 was set. The previous PIN no longer works.</translation>
    </message>
    <message>
        <source>%1 の誤入力回数をリセットしました。</source>
        <translation>The failure counters of %1 were reset.</translation>
    </message>
    <message>
        <source>%1 の利用中止状態を解除しました。</source>
        <translation>The suspension of %1 was lifted.</translation>
    </message>
    <message>
        <source>契約法人: %1（%2）</source>
        <translation>Corporation: %1 (%2)</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号の設定</source>
        <translation>Set the Corporate Confirmation PIN</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号を新しく設定します。設定すると、これまでの暗証番号は使えなくなります。</source>
        <translation>Sets a new corporate confirmation PIN. Once it is set, the previous PIN no longer works.</translation>
    </message>
    <message>
        <source>設定する</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>誤入力回数のリセット</source>
        <translation>Reset the Failure Counters</translation>
    </message>
    <message>
        <source>シリアル番号・ワンタイムパスワードと契約法人確認暗証番号の誤入力回数を 0 に戻します。利用中止状態は解除されません。</source>
        <translation>Resets the failure counters of the serial number / one-time password and of the corporate confirmation PIN to 0. The suspension is not lifted.</translation>
    </message>
    <message>
        <source>リセットする</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>利用中止の解除</source>
        <translation>Lift the Suspension</translation>
    </message>
    <message>
        <source>利用中止状態を解除し、誤入力回数を 0 に戻します。お客さまの本人確認を済ませてから行ってください。</source>
        <translation>Lifts the suspension and resets the failure counters to 0. Confirm the customer&apos;s identity first.</translation>
    </message>
    <message>
        <source>解除する</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新しい契約法人確認暗証番号</source>
        <translation>New corporate confirmation PIN</translation>
    </message>
    <message>
        <source>新しい契約法人確認暗証番号（確認）</source>
        <translation>New corporate confirmation PIN (again)</translation>
    </message>
    <message>
        <source>予備のカード（利用登録なし）</source>
        <translation>Spare card (not registered)</translation>
    </message>
    <message>
        <source>カード %1 は正常に動作しています。
%2</source>
        <translation>Card %1 works.
%2</translation>
    </message>
    <message>
        <source>カード %1 のワンタイムパスワードが一致しませんでした。
%2
あと %3 回誤ると、このカードは確認できなくなります。</source>
        <translation>The one-time password of card %1 did not match.
%2
After %3 more wrong codes this card can no longer be checked.</translation>
    </message>
    <message>
        <source>カードの確認</source>
        <translation>Check a Card</translation>
    </message>
    <message>
        <source>お客さまのカードのシリアル番号と、カードに今表示されているワンタイムパスワードを入力してください。確認に使ったワンタイムパスワードは、もう使えません。</source>
        <translation>Enter the serial number of the customer&apos;s card and the one-time password it shows now. The one-time password used for the check can no longer be used.</translation>
    </message>
    <message>
        <source>確認する</source>
        <translation>Check</translation>
    </message>
</context>
<context>
    <name>hardtoken::StaffDialog</name>
    <message>
        <source>担当者 %1 を登録しました。</source>
        <translation>Staff member %1 was registered.</translation>
    </message>
    <message>
        <source>担当者を選択してください。</source>
        <translation>Select a staff member.</translation>
    </message>
    <message>
        <source>担当者ID %1 を利用停止にしました。</source>
        <translation>Staff ID %1 was disabled.</translation>
    </message>
    <message>
        <source>担当者ID %1 を利用可能にしました。</source>
        <translation>Staff ID %1 was enabled.</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>管理者</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>担当者ID %1 を再び利用できるようにしました。</source>
        <translation>Staff ID %1 can be used again.</translation>
    </message>
</context>
<context>
    <name>hardtoken::StaffListModel</name>
    <message>
        <source>管理者</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>利用停止</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>利用可能</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>担当者ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>hardtoken::StaffMenu</name>
    <message>
        <source>管理(&amp;A)</source>
        <translation>Administration(&amp;A)</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号の設定(&amp;P)...</source>
        <translation>Set the corporate confirmation PIN(&amp;P)...</translation>
    </message>
    <message>
        <source>誤入力回数のリセット(&amp;C)...</source>
        <translation>Reset the failure counters(&amp;C)...</translation>
    </message>
    <message>
        <source>利用中止の解除(&amp;U)...</source>
        <translation>Lift the suspension(&amp;U)...</translation>
    </message>
    <message>
        <source>監査ログ(&amp;L)...</source>
        <translation>Audit log(&amp;L)...</translation>
    </message>
    <message>
        <source>カードの確認(&amp;K)...</source>
        <translation>Check a card(&amp;K)...</translation>
    </message>
    <message>
        <source>名簿の取り込み(&amp;R)...</source>
        <translation>Import the roster(&amp;R)...</translation>
    </message>
    <message>
        <source>トークンの取り込み(&amp;T)...</source>
        <translation>Import tokens(&amp;T)...</translation>
    </message>
    <message>
        <source>担当者の管理(&amp;M)...</source>
        <translation>Staff accounts(&amp;M)...</translation>
    </message>
</context>
<context>
    <name>hardtoken::SuspendedNotice</name>
    <message>
        <source>契約法人確認暗証番号の誤入力</source>
        <translation>wrong corporate confirmation PIN entries</translation>
    </message>
    <message>
        <source>シリアル番号またはワンタイムパスワードの誤入力</source>
        <translation>wrong serial number or one-time password entries</translation>
    </message>
    <message>
        <source>契約法人: %1（%2）
利用中止日時: %3
理由: %4</source>
        <translation>Corporation: %1 (%2)
Suspended at: %3
Reason: %4</translation>
    </message>
</context>
<context>
    <name>hardtoken::TrainingHost</name>
    <message>
        <source>シナリオを最初の状態に戻しますか？ これまでの操作（利用登録、誤入力回数、利用中止）は消えます。</source>
        <translation>Reset the scenario to its first state? What has been done (registrations, counts of wrong entries, suspension) will be lost.</translation>
    </message>
    <message>
        <source>シナリオ「%1」に切り替えますか？ いまのトレーニング用データは置き換えられます。</source>
        <translation>Switch to the scenario &quot;%1&quot;? The current training data will be replaced.</translation>
    </message>
    <message>
        <source>シナリオを最初の状態に戻しました。</source>
        <translation>The scenario has been reset to its starting state.</translation>
    </message>
    <message>
        <source>シナリオ「%1」を読み込みました。</source>
        <translation>The scenario &quot;%1&quot; has been loaded.</translation>
    </message>
    <message>
        <source>トレーニング(&amp;T)</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>シナリオを最初の状態に戻す(&amp;R)</source>
        <translation>&amp;Reset the scenario</translation>
    </message>
    <message>
        <source>仮想カードトークンを表示(&amp;C)</source>
        <translation>Show virtual &amp;card tokens</translation>
    </message>
    <message>
        <source>シナリオを切り替える(&amp;S)</source>
        <translation>&amp;Switch scenario</translation>
    </message>
    <message>
        <source>練習を始める(&amp;E)...</source>
        <translation>Start an &amp;exercise...</translation>
    </message>
    <message>
        <source>練習の結果(&amp;V)...</source>
        <translation>Exercise results (&amp;view)...</translation>
    </message>
    <message>
        <source>コーチ</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>練習はトレーニング用データベースでだけ行えます。</source>
        <translation>Exercises can be done only on a training database.</translation>
    </message>
    <message>
        <source>練習の結果を保存</source>
        <translation>Save the exercise result</translation>
    </message>
    <message>
        <source>%1 に保存しました。</source>
        <translation>Saved to %1.</translation>
    </message>
</context>
<context>
    <name>hardtoken::TrainingResultsDialog</name>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>%1 に保存しました。</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>まだ結果はありません。</source>
        <translation>No results yet.</translation>
    </message>
</context>
<context>
    <name>hardtoken::TrainingResultsModel</name>
    <message>
        <source>完了</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>中断</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>No</translation>
    </message>
    <message>
        <source>研修者</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>練習</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>開始日時</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>所要時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>ヒント</source>
        <translation>Hints</translation>
    </message>
    <message>
        <source>見本</source>
        <translation>Demonstrations</translation>
    </message>
    <message>
        <source>誤操作</source>
        <translation>Wrong turns</translation>
    </message>
    <message>
        <source>達した誤入力回数：シリアル番号・ワンタイムパスワード / 契約法人確認暗証番号</source>
        <translation>Wrong entries reached: serial number / one-time password, and corporate confirmation PIN</translation>
    </message>
    <message>
        <source>誤入力回数</source>
        <translation>Wrong entries</translation>
    </message>
    <message>
        <source>利用中止</source>
        <translation>Suspended</translation>
    </message>
</context>
<context>
    <name>hardtoken::TrainingSession</name>
    <message>
        <source>シリアル番号またはワンタイムパスワードを一定回数以上誤って入力すると、本システムは利用中止状態になります。</source>
        <translation>If the serial number or one-time password is entered wrongly a certain number of times, this system is suspended.</translation>
    </message>
    <message>
        <source>パンくずの「トップ」で[契約法人ステータス]画面に戻ってください。</source>
        <translation>Go back to the [Corporate Status] screen with &quot;Top&quot; in the breadcrumb.</translation>
    </message>
    <message>
        <source>「キャンセル」で[利用者情報選択]画面に戻ってください。</source>
        <translation>Go back to the [User Information Selection] screen with &quot;Cancel&quot;.</translation>
    </message>
    <message>
        <source>[利用者情報選択]画面から手順をやり直してください。</source>
        <translation>Start the procedure again from the [User Information Selection] screen.</translation>
    </message>
    <message>
        <source>これが最後の手順です: %1</source>
        <translation>This is the last step: %1</translation>
    </message>
    <message>
        <source>次の手順: %1</source>
        <translation>Next step: %1</translation>
    </message>
    <message>
        <source>[利用者情報登録/変更]リンク</source>
        <translation>the [Register/Change User Information] link</translation>
    </message>
    <message>
        <source>「トップ」</source>
        <translation>&quot;Top&quot;</translation>
    </message>
    <message>
        <source>「変更」</source>
        <translation>&quot;Change&quot;</translation>
    </message>
    <message>
        <source>「利用登録」</source>
        <translation>&quot;Register&quot;</translation>
    </message>
    <message>
        <source>「次へ」</source>
        <translation>&quot;Next&quot;</translation>
    </message>
    <message>
        <source>「OK」</source>
        <translation>&quot;OK&quot;</translation>
    </message>
    <message>
        <source>「追加」</source>
        <translation>&quot;Add&quot;</translation>
    </message>
    <message>
        <source>「入力完了」</source>
        <translation>&quot;Input complete&quot;</translation>
    </message>
    <message>
        <source>「削除」</source>
        <translation>&quot;Delete&quot;</translation>
    </message>
    <message>
        <source>「キャンセル」</source>
        <translation>&quot;Cancel&quot;</translation>
    </message>
    <message>
        <source>「利用中止状態を解除」</source>
        <translation>&quot;Lift the suspension&quot;</translation>
    </message>
    <message>
        <source>%1 を押した</source>
        <translation>Pressed %1</translation>
    </message>
    <message>
        <source>どのカードにもないシリアル番号 %1 を入力した</source>
        <translation>Entered serial number %1, which no card has</translation>
    </message>
    <message>
        <source>表示が切り替わったあとの古いワンタイムパスワードを入力した</source>
        <translation>Entered an old one-time password the card had already replaced</translation>
    </message>
    <message>
        <source>カードの表示と違うワンタイムパスワードを入力した</source>
        <translation>Entered a one-time password the card did not show</translation>
    </message>
    <message>
        <source>誤った契約法人確認暗証番号を入力した</source>
        <translation>Entered a wrong corporate confirmation PIN</translation>
    </message>
    <message>
        <source>入力規則に合わない値で %1 を押した</source>
        <translation>Pressed %1 with a value against the input rules</translation>
    </message>
    <message>
        <source>利用者を選ばずに「次へ」を押した</source>
        <translation>Pressed &quot;Next&quot; without choosing a user</translation>
    </message>
    <message>
        <source>練習の目標と違う内容で「OK」を押した</source>
        <translation>Pressed &quot;OK&quot; with something other than the exercise&apos;s goal</translation>
    </message>
    <message>
        <source>利用登録情報の一覧が %1 件のまま「OK」を押した</source>
        <translation>Pressed &quot;OK&quot; with %1 entries in the registration list</translation>
    </message>
    <message>
        <source>誤入力が続き、利用中止状態になった</source>
        <translation>Wrong entries suspended the system</translation>
    </message>
    <message>
        <source>（あと %1 回誤ると利用中止状態になります）</source>
        <translation> (after %1 more wrong entries the system is suspended)</translation>
    </message>
    <message>
        <source>シリアル番号 %1 のカードはありません。カード裏面のシリアル番号を確かめてください%2 — %3</source>
        <translation>No card has serial number %1; check the serial number on the back of the card%2 — %3</translation>
    </message>
    <message>
        <source>入力したワンタイムパスワードは、カードの表示が切り替わる前のものです%1 — %2</source>
        <translation>The one-time password entered is one the card showed before its display changed%1 — %2</translation>
    </message>
    <message>
        <source>ワンタイムパスワードがカードの表示と違います%1 — %2</source>
        <translation>The one-time password is not the one the card shows%1 — %2</translation>
    </message>
    <message>
        <source>契約法人確認暗証番号が違います%1 — 手順「%2」</source>
        <translation>The corporate confirmation PIN is wrong%1 — step: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>利用者が選ばれていません — 手順「%1」</source>
        <translation>No user is chosen — step: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>誤入力が続いたため、本システムは利用中止状態になりました — %1</source>
        <translation>Repeated wrong entries have suspended this system — %1</translation>
    </message>
    <message>
        <source>OK は通りましたが、練習の目標「%1」とは違う内容です — %2</source>
        <translation>OK went through, but not with the exercise&apos;s goal &quot;%1&quot; — %2</translation>
    </message>
    <message>
        <source>利用登録情報の一覧が %1 件のまま OK を押しました。目標「%2」まで、%3「%4」</source>
        <translation>OK was pressed with %1 entries in the registration list. To reach the goal &quot;%2&quot;: %3 &quot;%4&quot;</translation>
    </message>
    <message>
        <source>「キャンセル」を押したので、入力した内容は登録されずに前の画面に戻りました。手順「%1」</source>
        <translation>&quot;Cancel&quot; went back to the previous screen without registering what was entered. Step: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>「変更」は利用形態の設定です。この練習では使いません — %1</source>
        <translation>&quot;Change&quot; sets the usage mode, which this exercise does not use — %1</translation>
    </message>
    <message>
        <source>利用形態を設定しました。この練習では使いません — %1</source>
        <translation>The usage mode was set, which this exercise does not ask for — %1</translation>
    </message>
    <message>
        <source>%1 はこの手順の操作ではありません。手順「%2」</source>
        <translation>%1 is not what this step asks for. Step: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。ヘルプデスクの担当者が、[利用中止のお知らせ]画面で担当者IDとパスワードを入力して、**利用中止状態を解除** ボタンを押します。</source>
        <translation>To lift the suspension, contact the help desk for this system. The help desk&apos;s staff member enters a staff ID and password on the [Service Suspended] screen and presses the **Lift the suspension** button.</translation>
    </message>
    <message>
        <source>%1「%2」</source>
        <translation>%1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>正しいワンタイムパスワードを入力した（この練習では誤りを入力する）</source>
        <translation>Entered the right one-time password (this exercise asks for a wrong one)</translation>
    </message>
    <message>
        <source>正しいワンタイムパスワードで一覧に入りました。この練習では、わざと誤ったワンタイムパスワードを入力して利用中止状態にします — %1</source>
        <translation>The right one-time password put the entry in the list. In this exercise you enter a wrong one-time password on purpose to suspend the system — %1</translation>
    </message>
</context>
<context>
    <name>hardtoken::TrainingStartDialog</name>
    <message>
        <source>目標：%1</source>
        <translation>Goal: %1</translation>
    </message>
    <message>
        <source>研修者の名前を入力してください。結果はこの名前で保存されます。</source>
        <translation>Enter the trainee&apos;s name. The result is saved under this name.</translation>
    </message>
</context>
<context>
    <name>hardtoken::UsageModeConfirmPage</name>
    <message>
        <source>現在の利用形態: %1</source>
        <translation>Current usage mode: %1</translation>
    </message>
    <message numerus="yes">
        <source>利用形態を変更すると、現在利用登録されている %n 個のトークンの利用登録が解除されます。</source>
        <translation>
            <numerusform>Changing the usage mode cancels the registration of the %n token registered now.</numerusform>
            <numerusform>Changing the usage mode cancels the registrations of the %n tokens registered now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hardtoken::UserInfoSelectionPage</name>
    <message>
        <source>利用登録されていません</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>全ての利用者: %1</source>
        <translation>All users: %1</translation>
    </message>
    <message>
        <source>%1 名中 %2 名が利用登録済み</source>
        <translation>%2 of %1 users registered</translation>
    </message>
    <message>
        <source>利用形態を設定してから利用登録してください</source>
        <translation>Set the usage mode before registering tokens</translation>
    </message>
    <message>
        <source>%1 名中 %2 名を表示</source>
        <translation>Showing %2 of %1 users</translation>
    </message>
</context>
<context>
    <name>hardtoken::UserListModel</name>
    <message>
        <source>利用者名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>現在利用登録しているトークン シリアル番号</source>
        <translation>Currently registered token serial number</translation>
    </message>
</context>
<context>
    <name>hardtoken::UserSelectionModel</name>
    <message>
        <source>%1 を選択</source>
        <translation>Select %1</translation>
    </message>
    <message>
        <source>選択</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>利用者名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>現在利用登録している
トークン シリアル番号</source>
        <translation>Currently registered
token serial number</translation>
    </message>
    <message>
        <source>新たに利用登録する
トークン シリアル番号</source>
        <translation>Newly registered
token serial number</translation>
    </message>
</context>
<context>
    <name>hardtoken::VirtualCardPanel</name>
    <message>
        <source>仮想カードトークン（トレーニング用）</source>
        <translation>Virtual card tokens (training)</translation>
    </message>
    <message>
        <source>トレーニング用のカード型ハードトークンです。カードのボタン（または「ボタンを押す」）を押すと、利用登録用のワンタイムパスワードが表示されます。本番用のデータベースでは使えません。</source>
        <translation>Card hard tokens for training. Press the button on a card (or &quot;Press the button&quot;) to show the one-time password for registration. They are not available with a production database.</translation>
    </message>
    <message>
        <source>シリアル番号で探す(&amp;F)</source>
        <translation>&amp;Find a serial number</translation>
    </message>
    <message>
        <source>シリアル番号で探す</source>
        <translation>Find a serial number</translation>
    </message>
</context>
<context>
    <name>hardtoken::VirtualCardToken</name>
    <message>
        <source>全ての利用者</source>
        <translation>all users</translation>
    </message>
    <message>
        <source>未登録</source>
        <translation>not registered</translation>
    </message>
    <message>
        <source>HOTP（ボタンを押すたびに次のコード）</source>
        <translation>HOTP (the next code at every press)</translation>
    </message>
    <message>
        <source>TOTP %1 秒</source>
        <translation>TOTP %1 s</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>ボタンを押すと、ワンタイムパスワードが %1 秒間表示されます。</source>
        <translation>Pressing the button shows a one-time password for %1 seconds.</translation>
    </message>
</context>
<context>
    <name>hardtoken::libpq</name>
    <message>
        <source>libpq に %1 がありません。</source>
        <translation>libpq has no %1.</translation>
    </message>
    <message>
        <source>PostgreSQL のクライアントライブラリ（libpq）を読み込めません: %1</source>
        <translation>Cannot load the PostgreSQL client library (libpq): %1</translation>
    </message>
</context>
</TS>
