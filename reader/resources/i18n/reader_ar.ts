<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>DetailStrip</name>
    <message>
        <location filename="../../ui/detail_strip.py" line="60" />
        <source>Copy Arabic</source>
        <translation>نسخ العربية</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="61" />
        <source>Copy English</source>
        <translation>نسخ الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="62" />
        <source>Copy pair</source>
        <translation>نسخ الزوج</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="63" />
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="119" />
        <source>Click a sentence to see the pair here.</source>
        <translation>انقر على جملة لترى الزوج هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="124" />
        <source>Sentence {number} of {total}, paragraph {paragraph}</source>
        <translation>الجملة {number} من {total}، الفقرة {paragraph}</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="128" />
        <source>not Arabic: shown as is, not translated</source>
        <translation>ليس عربياً: يُعرض كما هو دون ترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="137" />
        <source>Translation failed: {reason}</source>
        <translation>فشلت الترجمة: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="139" />
        <source>Not translated yet.</source>
        <translation>لم تُترجم بعد.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../ui/export_task.py" line="59" />
        <source>PDF document (*.pdf)</source>
        <translation>مستند PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/export_task.py" line="60" />
        <source>EPUB e-book (*.epub)</source>
        <translation>كتاب إلكتروني EPUB (*.epub)</translation>
    </message>
    <message>
        <location filename="../../ui/export_task.py" line="61" />
        <source>Web page (*.html *.htm)</source>
        <translation>صفحة ويب HTML (*.html *.htm)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>Translation stopped</source>
        <translation>توقفت الترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>Translation finished.</source>
        <translation>اكتملت الترجمة.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>Opening {name}…</source>
        <translation>جارٍ فتح {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="478" />
        <source>{count} of {total} sentences have no translation yet; the export will mark them [not translated]. Export anyway?</source>
        <translation>{count} من {total} جملة بلا ترجمة بعد؛ سيُعلَّم عليها في الملف المُصدَّر بعبارة [not translated]. أتريد التصدير على أي حال؟</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="481" />
        <location filename="../../ui/main_window.py" line="545" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="490" />
        <location filename="../../ui/main_window.py" line="526" />
        <source>Could not export</source>
        <translation>تعذّر التصدير</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="501" />
        <source>Exporting {format}…</source>
        <translation>جارٍ التصدير بصيغة {format}…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="510" />
        <source>Exporting {format}… {done} / {total}</source>
        <translation>جارٍ التصدير بصيغة {format}… {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="521" />
        <source>Export cancelled.</source>
        <translation>أُلغي التصدير.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>Cannot open {name}</source>
        <translation>تعذّر فتح {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157" />
        <source>Opening {name}… {percent} %</source>
        <translation>جارٍ فتح {name}… {percent} ٪</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224" />
        <source>Nothing to open</source>
        <translation>لا شيء لفتحه</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224" />
        <source>The clipboard holds no text.</source>
        <translation>لا تحتوي الحافظة على نص.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226" />
        <source>Pasted text</source>
        <translation>نص ملصق</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274" />
        <source>Bilingual Reader</source>
        <translation>القارئ ثنائي اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345" />
        <source>waiting for the translation model…</source>
        <translation>بانتظار نموذج الترجمة…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346" />
        <source>translating…</source>
        <translation>جارٍ الترجمة…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347" />
        <source>no translation model</source>
        <translation>لا يوجد نموذج ترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349" />
        <source>not translated yet</source>
        <translation>لم تُترجم بعد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354" />
        <source>Translation cancelled.</source>
        <translation>أُلغيت الترجمة.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364" />
        <source>Downloading the model</source>
        <translation>تنزيل النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382" />
        <source>Model: {model}</source>
        <translation>النموذج: {model}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="391" />
        <source>Choose a MarianMT model folder</source>
        <translation>اختر مجلد نموذج MarianMT</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="443" />
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="443" />
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="517" />
        <source>Saved {path}</source>
        <translation>حُفظ {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="540" />
        <source>Open an Arabic text</source>
        <translation>فتح نص عربي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>Contents</source>
        <translation>المحتويات</translation>
    </message>
</context>
<context>
    <name>ModelBanner</name>
    <message>
        <location filename="../../ui/banner.py" line="35" />
        <source>Choose model folder…</source>
        <translation>اختيار مجلد النموذج…</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="36" />
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="39" />
        <source>Hide this message</source>
        <translation>إخفاء هذه الرسالة</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="55" />
        <source>The translation model {model} is not available, so the English cannot be shown.</source>
        <translation>نموذج الترجمة {model} غير متاح، لذا لا يمكن عرض الإنجليزية.</translation>
    </message>
</context>
<context>
    <name>OpenFilters</name>
    <message>
        <location filename="../../ui/open_filters.py" line="15" />
        <source>EPUB e-books</source>
        <translation>كتب EPUB الإلكترونية</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="16" />
        <source>Word documents</source>
        <translation>مستندات Word</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="17" />
        <source>OpenDocument text</source>
        <translation>نصوص OpenDocument</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="18" />
        <source>Web pages</source>
        <translation>صفحات الويب</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="19" />
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="20" />
        <source>PDF documents</source>
        <translation>مستندات PDF</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="21" />
        <source>Text files</source>
        <translation>ملفات نصية</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="32" />
        <source>All supported</source>
        <translation>كل الأنواع المدعومة</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="35" />
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
</context>
<context>
    <name>PairDelegate</name>
    <message>
        <location filename="../../ui/pair_layout.py" line="163" />
        <source>Translation failed (hover for the reason; Ctrl+R retries)</source>
        <translation>فشلت الترجمة (مرّر المؤشر لمعرفة السبب؛ Ctrl+R لإعادة المحاولة)</translation>
    </message>
</context>
<context>
    <name>PairView</name>
    <message>
        <location filename="../../ui/pair_view.py" line="322" />
        <source>Open an Arabic text file (Ctrl+O), drop one here, or paste Arabic text as a new document (Ctrl+Shift+V).</source>
        <translation>افتح ملفًا نصيًا عربيًا (Ctrl+O)، أو أفلته هنا، أو الصق نصًا عربيًا مستندًا جديدًا (Ctrl+Shift+V).</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../ui/progress_panel.py" line="34" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="35" />
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="62" />
        <source>{done} / {total} sentences translated</source>
        <translation>تُرجمت {done} من {total} جملة</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="64" />
        <source>{failed} failed</source>
        <translation>فشلت {failed}</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="66" />
        <source>about {time} left</source>
        <translation>يتبقى نحو {time}</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../../ui/i18n.py" line="59" />
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../ui/reading_view.py" line="109" />
        <source>Translation failed: {reason}
Select the sentence and choose Retry (Ctrl+R).</source>
        <translation>فشلت الترجمة: {reason}
حدّد الجملة واختر «إعادة المحاولة» (Ctrl+R).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="50" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55" />
        <source>In use for this session (from the command line or BIREADER_MODEL); saved only if you change it.</source>
        <translation>مستخدم في هذه الجلسة (من سطر الأوامر أو BIREADER_MODEL)؛ لا يُحفظ إلا إذا غيّرته.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61" />
        <source>Hub id such as Helsinki-NLP/opus-mt-ar-en, or a folder</source>
        <translation>معرّف في المستودع مثل Helsinki-NLP/opus-mt-ar-en، أو مجلد</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63" />
        <source>Folder…</source>
        <translation>مجلد…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70" />
        <source>Automatic (CTranslate2 when it works)</source>
        <translation>تلقائي (CTranslate2 عند توفره)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71" />
        <source>CTranslate2 (fast, int8)</source>
        <translation>CTranslate2 (سريع، int8)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72" />
        <source>Transformers (PyTorch)</source>
        <translation>Transformers (PyTorch)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="79" />
        <source>Model default</source>
        <translation>افتراضي النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85" />
        <source>Side by side</source>
        <translation>جنبًا إلى جنب</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85" />
        <source>Interleaved</source>
        <translation>متداخل</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94" />
        <source>Model:</source>
        <translation>النموذج:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="96" />
        <source>Engine:</source>
        <translation>المحرك:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97" />
        <source>Beam size:</source>
        <translation>حجم الحزمة:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98" />
        <source>Batch size:</source>
        <translation>حجم الدفعة:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="99" />
        <source>PDF layout:</source>
        <translation>تخطيط PDF:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="100" />
        <source>PDF page size:</source>
        <translation>حجم صفحة PDF:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="111" />
        <source>Choose a MarianMT model folder</source>
        <translation>اختر مجلد نموذج MarianMT</translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <location filename="../../ui/translation_controller.py" line="246" />
        <source>Loading the translation model {model}…</source>
        <translation>جارٍ تحميل نموذج الترجمة {model}…</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../ui/menus.py" line="59" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="60" />
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="61" />
        <source>Open &amp;Recent</source>
        <translation>فتح مل&amp;ف حديث</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="63" />
        <source>&amp;Paste as New Document</source>
        <translation>&amp;لصق كمستند جديد</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="65" />
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="66" />
        <source>Cancel E&amp;xport</source>
        <translation>إلغاء ال&amp;تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="68" />
        <source>&amp;Settings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="70" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="82" />
        <source>Clear Recent Files</source>
        <translation>مسح الملفات الحديثة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="85" />
        <source>No recent files</source>
        <translation>لا ملفات حديثة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="89" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="90" />
        <source>&amp;Copy Pair</source>
        <translation>&amp;نسخ الزوج</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="91" />
        <source>Copy &amp;Arabic</source>
        <translation>نسخ ال&amp;عربية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="92" />
        <source>Copy &amp;English</source>
        <translation>نسخ الإن&amp;جليزية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="96" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="97" />
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="98" />
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="99" />
        <source>&amp;Actual Size</source>
        <translation>الحجم ال&amp;فعلي</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="101" />
        <source>&amp;Swap Panes</source>
        <translation>تبديل ال&amp;لوحين</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="102" />
        <source>&amp;Contents</source>
        <translation>ال&amp;محتويات</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="105" />
        <source>Sentence &amp;Details</source>
        <translation>&amp;تفاصيل الجملة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="108" />
        <source>&amp;Theme</source>
        <translation>الم&amp;ظهر</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="111" />
        <source>Follow the &amp;System</source>
        <translation>اتباع ال&amp;نظام</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="112" />
        <source>&amp;Light</source>
        <translation>&amp;فاتح</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="113" />
        <source>&amp;Dark</source>
        <translation>&amp;داكن</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="130" />
        <source>&amp;Translation</source>
        <translation>ال&amp;ترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="131" />
        <source>&amp;Translate Remaining</source>
        <translation>ترجمة ال&amp;باقي</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="132" />
        <source>&amp;Cancel Translation</source>
        <translation>إل&amp;غاء الترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="133" />
        <source>&amp;Retry Failed</source>
        <translation>إعادة محاولة ال&amp;فاشل</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="135" />
        <source>Choose &amp;Model Folder…</source>
        <translation>اختيار مجلد ال&amp;نموذج…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="138" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="139" />
        <source>&amp;About Bilingual Reader</source>
        <translation>&amp;عن القارئ ثنائي اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="143" />
        <source>About Bilingual Reader</source>
        <translation>عن القارئ ثنائي اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="146" />
        <source>Bilingual Reader shows an Arabic text beside its English translation, sentence by sentence.
Translation by a MarianMT model running on this computer.</source>
        <translation>يعرض القارئ ثنائي اللغة النص العربي بجانب ترجمته الإنجليزية، جملةً بجملة.
الترجمة بنموذج MarianMT يعمل على هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="156" />
        <source>Copy Pair</source>
        <translation>نسخ الزوج</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="157" />
        <source>Copy Arabic</source>
        <translation>نسخ العربية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="158" />
        <source>Copy English</source>
        <translation>نسخ الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="162" />
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
</context>
</TS>