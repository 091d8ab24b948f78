<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AlternativesFinder</name>
    <message>
        <location filename="../../ui/alternatives.py" line="62"/>
        <source>Alternatives need the model idle; try again when the translation has finished.</source>
        <translation>تحتاج البدائل إلى نموذج غير مشغول؛ أعد المحاولة بعد انتهاء الترجمة.</translation>
    </message>
    <message>
        <location filename="../../ui/alternatives.py" line="74"/>
        <source>The model has no other translation for this sentence.</source>
        <translation>ليس لدى النموذج ترجمة أخرى لهذه الجملة.</translation>
    </message>
</context>
<context>
    <name>ContentsDock</name>
    <message>
        <location filename="../../ui/contents_dock.py" line="21"/>
        <location filename="../../ui/contents_dock.py" line="55"/>
        <source>Contents</source>
        <translation>المحتويات</translation>
    </message>
</context>
<context>
    <name>DetailStrip</name>
    <message>
        <location filename="../../ui/detail_strip.py" line="152"/>
        <source>Copy Arabic</source>
        <translation>نسخ العربية</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="153"/>
        <source>Copy English</source>
        <translation>نسخ الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="154"/>
        <source>Copy pair</source>
        <translation>نسخ الزوج</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="155"/>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="156"/>
        <source>Alternatives</source>
        <translation>البدائل</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="168"/>
        <source>Click a sentence to see the pair here.</source>
        <translation>انقر على جملة لترى الزوج هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="174"/>
        <source>Sentence {number} of {total}, paragraph {paragraph}</source>
        <translation>الجملة {number} من {total}، الفقرة {paragraph}</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="178"/>
        <source>not Arabic: shown as is, not translated</source>
        <translation>ليس عربياً: يُعرض كما هو دون ترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="187"/>
        <source>Translation failed: {reason}</source>
        <translation>فشلت الترجمة: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="189"/>
        <source>Not translated yet.</source>
        <translation>لم تُترجم بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="205"/>
        <source>Not translated (not Arabic): no alternatives</source>
        <translation>غير مترجمة (ليست عربية): لا بدائل لها</translation>
    </message>
    <message>
        <location filename="../../ui/detail_strip.py" line="207"/>
        <source>Other translations</source>
        <translation>ترجمات أخرى</translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <location filename="../../ui/editing.py" line="101"/>
        <source>Translation kept: no translation model ({reason})</source>
        <translation>أُبقيت الترجمة: لا يوجد نموذج ترجمة ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="119"/>
        <source>Your English was divided between the two pieces (Ctrl+Z undoes the split).</source>
        <translation>قُسّمت ترجمتك الإنجليزية بين الجزأين (Ctrl+Z يتراجع عن التقسيم).</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../ui/export_flow.py" line="58"/>
        <source>{count} of {total} sentences have no translation yet; the export will mark them [not translated]. Export anyway?</source>
        <translation>{count} من {total} جملة بلا ترجمة بعد؛ سيُعلَّم عليها في الملف المُصدَّر بعبارة [not translated]. أتريد التصدير على أي حال؟</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="61"/>
        <location filename="../../ui/export_flow.py" line="95"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="71"/>
        <location filename="../../ui/export_flow.py" line="120"/>
        <source>Could not export</source>
        <translation>تعذّر التصدير</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="86"/>
        <source>Exporting {format}…</source>
        <translation>جارٍ التصدير بصيغة {format}…</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="109"/>
        <source>Exporting {format}… {done} / {total}</source>
        <translation>جارٍ التصدير بصيغة {format}… {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="113"/>
        <source>Saved {path}</source>
        <translation>حُفظ {path}</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="116"/>
        <source>Export cancelled.</source>
        <translation>أُلغي التصدير.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../ui/export_task.py" line="64"/>
        <source>PDF, side by side (*.pdf)</source>
        <translation>PDF، جنبًا إلى جنب (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/export_task.py" line="65"/>
        <source>PDF, interleaved: the English under each sentence (*.pdf)</source>
        <translation>PDF، متداخل: الإنجليزية تحت كل جملة (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/export_task.py" line="66"/>
        <source>EPUB e-book (*.epub)</source>
        <translation>كتاب إلكتروني EPUB (*.epub)</translation>
    </message>
    <message>
        <location filename="../../ui/export_task.py" line="67"/>
        <source>Web page (*.html *.htm)</source>
        <translation>صفحة ويب HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../ui/export_task.py" line="68"/>
        <source>Translation memory, TMX (*.tmx)</source>
        <translation>ذاكرة ترجمة، TMX (*.tmx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_task.py" line="69"/>
        <source>Translation memory, XLIFF 2 (*.xlf *.xliff)</source>
        <translation>ذاكرة ترجمة، XLIFF 2 (*.xlf *.xliff)</translation>
    </message>
    <message>
        <location filename="../../ui/export_task.py" line="70"/>
        <source>Spreadsheet, CSV (*.csv)</source>
        <translation>جدول بيانات، CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/find_bar.py" line="48"/>
        <location filename="../../ui/find_bar.py" line="208"/>
        <source>Find in Arabic or English</source>
        <translation>ابحث في العربية أو الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="53"/>
        <location filename="../../ui/find_bar.py" line="209"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>النتيجة السابقة (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="54"/>
        <location filename="../../ui/find_bar.py" line="210"/>
        <source>Next match (Enter)</source>
        <translation>النتيجة التالية (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="55"/>
        <location filename="../../ui/find_bar.py" line="211"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="58"/>
        <location filename="../../ui/find_bar.py" line="212"/>
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="120"/>
        <location filename="../../ui/find_bar.py" line="157"/>
        <location filename="../../ui/find_bar.py" line="214"/>
        <source>Indexing…</source>
        <translation>جارٍ الفهرسة…</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="199"/>
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="202"/>
        <source>{current} of {total}</source>
        <translation>{current} من {total}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>Bilingual Reader</source>
        <translation>القارئ ثنائي اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="45"/>
        <source>Open an Arabic text</source>
        <translation>فتح نص عربي</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <location filename="../../ui/marks.py" line="15"/>
        <source>The translation repeats itself (a loop).</source>
        <translation>الترجمة تكرّر نفسها (حلقة).</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="16"/>
        <source>The translation is the source, or still has Arabic in it.</source>
        <translation>الترجمة هي النص الأصلي، أو ما زال فيها عربية.</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="17"/>
        <source>The translation is much shorter or longer than the sentence.</source>
        <translation>الترجمة أقصر أو أطول كثيرًا من الجملة.</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="18"/>
        <source>The translation was cut at the length limit.</source>
        <translation>قُطعت الترجمة عند حد الطول.</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="19"/>
        <source>The model was unsure of this translation (low score).</source>
        <translation>لم يكن النموذج واثقًا من هذه الترجمة (درجة منخفضة).</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="20"/>
        <source>Your English covers only part of this sentence (merged with one that had none): F2 completes it.</source>
        <translation>ترجمتك الإنجليزية تغطي جزءًا من هذه الجملة فقط (دُمجت مع جملة بلا ترجمة): أكملها بـ F2.</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="24"/>
        <source>The Arabic was read from a scan with low confidence: check it against the page.</source>
        <translation>قُرئ النص العربي من صورة ممسوحة بثقة منخفضة: قارنه بالصفحة الأصلية.</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="45"/>
        <source>Edited by you: retranslation leaves it alone (Ctrl+R asks for a new one).</source>
        <translation>عدّلتَها بنفسك: إعادة الترجمة لا تمسّها (Ctrl+R يطلب ترجمة جديدة).</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="48"/>
        <source>Machine translation by {model}.</source>
        <translation>ترجمة آلية بواسطة {model}.</translation>
    </message>
    <message>
        <location filename="../../ui/marks.py" line="38"/>
        <location filename="../../ui/marks.py" line="51"/>
        <source>F8 / Shift+F8: next / previous flagged sentence.</source>
        <translation>F8 / Shift+F8: الجملة المعلَّمة التالية / السابقة.</translation>
    </message>
</context>
<context>
    <name>ModelBanner</name>
    <message>
        <location filename="../../ui/banner.py" line="64"/>
        <source>Choose model folder…</source>
        <translation>اختيار مجلد النموذج…</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="65"/>
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="66"/>
        <source>Models…</source>
        <translation>النماذج…</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="67"/>
        <source>Hide this message</source>
        <translation>إخفاء هذه الرسالة</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="83"/>
        <source>The translation model {model} is not available, so the English cannot be shown.</source>
        <translation>نموذج الترجمة {model} غير متاح، لذا لا يمكن عرض الإنجليزية.</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="92"/>
        <source>download it with “Models…”, choose a local MarianMT folder with “Choose model folder…”, or set the model in Settings</source>
        <translation>نزّله من «النماذج…»، أو اختر مجلد نموذج MarianMT محليًا بزر «اختيار مجلد النموذج…»، أو حدّد النموذج في الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="97"/>
        <source>the model setting</source>
        <translation>إعداد النموذج</translation>
    </message>
</context>
<context>
    <name>ModelSettings</name>
    <message>
        <location filename="../../ui/model_settings.py" line="76"/>
        <source>Choose a MarianMT model folder</source>
        <translation>اختر مجلد نموذج MarianMT</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../ui/models_dialog.py" line="40"/>
        <source>Remove model</source>
        <translation>إزالة النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="64"/>
        <source>Translation Models</source>
        <translation>نماذج الترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="73"/>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="73"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="73"/>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="73"/>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="73"/>
        <source>Quality</source>
        <translation>الجودة</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="83"/>
        <source>&amp;Download</source>
        <translation>&amp;تنزيل</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="84"/>
        <source>&amp;Remove</source>
        <translation>&amp;إزالة</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="85"/>
        <source>&amp;Import Folder…</source>
        <translation>ا&amp;ستيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="86"/>
        <source>&amp;Use This Model</source>
        <translation>ا&amp;ستخدام هذا النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="87"/>
        <source>&amp;Cancel Download</source>
        <translation>إل&amp;غاء التنزيل</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="89"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="140"/>
        <source>unusable</source>
        <translation>غير صالح للاستخدام</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="142"/>
        <source>not installed</source>
        <translation>غير مثبّت</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="143"/>
        <source>installed, ready</source>
        <translation>مثبّت وجاهز</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="143"/>
        <source>installed</source>
        <translation>مثبّت</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="164"/>
        <source>Quality: {q} (source: {s})</source>
        <translation>الجودة: {q} (المصدر: {s})</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="170"/>
        <source>Folder: {folder}</source>
        <translation>المجلد: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="192"/>
        <source>Downloading {m}…</source>
        <translation>جارٍ تنزيل {m}…</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="197"/>
        <source>Import a MarianMT model folder</source>
        <translation>استيراد مجلد نموذج MarianMT</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="202"/>
        <source>Importing {m}…</source>
        <translation>جارٍ استيراد {m}…</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="216"/>
        <source>Forget the folder {m}? The folder itself is kept.</source>
        <translation>هل تريد إزالة المجلد {m} من القائمة؟ يبقى المجلد نفسه كما هو.</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="218"/>
        <source>Delete {m}, its converted copies and its cached translations?</source>
        <translation>هل تريد حذف {m} ونسخه المحوّلة وترجماته المخزّنة؟</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="223"/>
        <source>Removed {m}.</source>
        <translation>أُزيل {m}.</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="235"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="274"/>
        <source>{m} is installed and ready.</source>
        <translation>{m} مثبّت وجاهز.</translation>
    </message>
    <message>
        <location filename="../../ui/models_dialog.py" line="281"/>
        <source>Download cancelled: it resumes where it stopped next time.</source>
        <translation>أُلغي التنزيل: سيُستأنف في المرة القادمة من حيث توقف.</translation>
    </message>
</context>
<context>
    <name>OpenFilters</name>
    <message>
        <location filename="../../ui/open_filters.py" line="15"/>
        <source>EPUB e-books</source>
        <translation>كتب EPUB الإلكترونية</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="16"/>
        <source>Word documents</source>
        <translation>مستندات Word</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="17"/>
        <source>OpenDocument text</source>
        <translation>نصوص OpenDocument</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="18"/>
        <source>Web pages</source>
        <translation>صفحات الويب</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="19"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="20"/>
        <source>PDF documents</source>
        <translation>مستندات PDF</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="21"/>
        <source>Text files</source>
        <translation>ملفات نصية</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="32"/>
        <source>All supported</source>
        <translation>كل الأنواع المدعومة</translation>
    </message>
    <message>
        <location filename="../../ui/open_filters.py" line="35"/>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
</context>
<context>
    <name>OpeningSequence</name>
    <message>
        <location filename="../../ui/opening_sequence.py" line="49"/>
        <source>Opening {name}…</source>
        <translation>جارٍ فتح {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/opening_sequence.py" line="52"/>
        <source>Opening {name}… {percent} %</source>
        <translation>جارٍ فتح {name}… {percent} ٪</translation>
    </message>
    <message>
        <location filename="../../ui/opening_sequence.py" line="78"/>
        <source>Nothing to open</source>
        <translation>لا شيء لفتحه</translation>
    </message>
    <message>
        <location filename="../../ui/opening_sequence.py" line="78"/>
        <source>The clipboard holds no text.</source>
        <translation>لا تحتوي الحافظة على نص.</translation>
    </message>
    <message>
        <location filename="../../ui/opening_sequence.py" line="80"/>
        <source>Pasted text</source>
        <translation>نص ملصق</translation>
    </message>
    <message>
        <location filename="../../ui/opening_sequence.py" line="116"/>
        <source>Cannot open {name}</source>
        <translation>تعذّر فتح {name}</translation>
    </message>
</context>
<context>
    <name>PairDelegate</name>
    <message>
        <location filename="../../ui/pair_layout.py" line="207"/>
        <source>Translation failed (hover for the reason; Ctrl+R retries)</source>
        <translation>فشلت الترجمة (مرّر المؤشر لمعرفة السبب؛ Ctrl+R لإعادة المحاولة)</translation>
    </message>
</context>
<context>
    <name>PairMenu</name>
    <message>
        <location filename="../../ui/pair_menu.py" line="44"/>
        <source>Copy Pair</source>
        <translation>نسخ الزوج</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="45"/>
        <source>Copy Arabic</source>
        <translation>نسخ العربية</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="46"/>
        <source>Copy English</source>
        <translation>نسخ الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="54"/>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="63"/>
        <source>Edit Translation</source>
        <translation>تحرير الترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="65"/>
        <source>Retranslate Sentence</source>
        <translation>إعادة ترجمة الجملة</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="67"/>
        <source>Use: {text}</source>
        <translation>استخدام: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="68"/>
        <source>Split After</source>
        <translation>القسمة بعد</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="71"/>
        <source>At a Chosen Place…</source>
        <translation>في موضع تختاره…</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="74"/>
        <source>Merge with Next</source>
        <translation>دمج مع التالية</translation>
    </message>
    <message>
        <location filename="../../ui/pair_menu.py" line="76"/>
        <source>Merge with Previous</source>
        <translation>دمج مع السابقة</translation>
    </message>
</context>
<context>
    <name>PairView</name>
    <message>
        <location filename="../../ui/pair_view.py" line="471"/>
        <source>Open an Arabic text file (Ctrl+O), drop one here, or paste Arabic text as a new document (Ctrl+Shift+V).</source>
        <translation>افتح ملفًا نصيًا عربيًا (Ctrl+O)، أو أفلته هنا، أو الصق نصًا عربيًا مستندًا جديدًا (Ctrl+Shift+V).</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../ui/progress_panel.py" line="23"/>
        <source>{seconds} s</source>
        <translation>{seconds} ث</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="26"/>
        <source>{minutes} min</source>
        <translation>{minutes} د</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="27"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} س {minutes} د</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="49"/>
        <location filename="../../ui/progress_panel.py" line="123"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="50"/>
        <location filename="../../ui/progress_panel.py" line="124"/>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="129"/>
        <source>{done} / {total} sentences translated</source>
        <translation>تُرجمت {done} من {total} جملة</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="130"/>
        <source>{failed} failed</source>
        <translation>فشلت {failed}</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="136"/>
        <source>about {time} left</source>
        <translation>يتبقى نحو {time}</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="139"/>
        <source>Translated {count} sentences</source>
        <translation>تُرجمت {count} جملة</translation>
    </message>
    <message>
        <location filename="../../ui/progress_panel.py" line="141"/>
        <source>Translation cancelled</source>
        <translation>أُلغيت الترجمة</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../../ui/i18n.py" line="59"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../ui/read_aloud.py" line="117"/>
        <source>exit code {code}</source>
        <translation>رمز الخروج {code}</translation>
    </message>
    <message>
        <location filename="../../ui/read_aloud.py" line="189"/>
        <source>Reading aloud with {engine}… (Shift+F7 stops)</source>
        <translation>تجري القراءة بصوت عالٍ بواسطة {engine}… (Shift+F7 للإيقاف)</translation>
    </message>
    <message>
        <location filename="../../ui/read_aloud.py" line="192"/>
        <source>Read aloud failed ({engine}): {reason}</source>
        <translation>تعذّرت القراءة بصوت عالٍ ({engine}): {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/read_aloud.py" line="205"/>
        <source>Select a sentence first</source>
        <translation>اختر جملة أولًا</translation>
    </message>
    <message>
        <location filename="../../ui/read_aloud.py" line="213"/>
        <source>No speech engine: install espeak-ng (or PySide6-Addons with speech-dispatcher) to read aloud</source>
        <translation>لا يوجد محرك كلام: ثبّت espeak-ng (أو PySide6-Addons مع speech-dispatcher) للقراءة بصوت عالٍ</translation>
    </message>
    <message>
        <location filename="../../ui/read_aloud.py" line="217"/>
        <source>{engine} has no Arabic voice: install espeak-ng, which has one</source>
        <translation>لا يملك {engine} صوتًا عربيًا: ثبّت espeak-ng، ففيه صوت عربي</translation>
    </message>
    <message>
        <location filename="../../ui/read_aloud.py" line="219"/>
        <source>{engine} has no English voice: install espeak-ng, which has one</source>
        <translation>لا يملك {engine} صوتًا إنجليزيًا: ثبّت espeak-ng، ففيه صوت إنجليزي</translation>
    </message>
</context>
<context>
    <name>ReadingAids</name>
    <message>
        <location filename="../../ui/reading_aids.py" line="104"/>
        <source>Read &amp;Arabic Aloud</source>
        <translation>قراءة ال&amp;عربية بصوت عالٍ</translation>
    </message>
    <message>
        <location filename="../../ui/reading_aids.py" line="105"/>
        <source>Read &amp;English Aloud</source>
        <translation>قراءة الإ&amp;نجليزية بصوت عالٍ</translation>
    </message>
    <message>
        <location filename="../../ui/reading_aids.py" line="106"/>
        <source>&amp;Stop Reading</source>
        <translation>إ&amp;يقاف القراءة</translation>
    </message>
</context>
<context>
    <name>ReadingSettingsForm</name>
    <message>
        <location filename="../../ui/reading_settings.py" line="35"/>
        <location filename="../../ui/reading_settings.py" line="40"/>
        <source>Follow the system</source>
        <translation>اتباع النظام</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="40"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="40"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="58"/>
        <source>Window language:</source>
        <translation>لغة النافذة:</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="59"/>
        <source>Theme:</source>
        <translation>السمة:</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="60"/>
        <source>Arabic text:</source>
        <translation>النص العربي:</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="61"/>
        <source>English text:</source>
        <translation>النص الإنجليزي:</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="62"/>
        <source>Line spacing:</source>
        <translation>تباعد الأسطر:</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="68"/>
        <location filename="../../ui/reading_settings.py" line="71"/>
        <source>{family} (bundled)</source>
        <translation>{family} (المرفق)</translation>
    </message>
    <message>
        <location filename="../../ui/reading_settings.py" line="79"/>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../ui/reading_view.py" line="133"/>
        <source>Translation failed: {reason}
Select the sentence and choose Retry (Ctrl+R).</source>
        <translation>فشلت الترجمة: {reason}
حدّد الجملة واختر «إعادة المحاولة» (Ctrl+R).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59"/>
        <source>In use for this session (from the command line or BIREADER_MODEL); saved only if you change it.</source>
        <translation>مستخدم في هذه الجلسة (من سطر الأوامر أو BIREADER_MODEL)؛ لا يُحفظ إلا إذا غيّرته.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <source>Hub id such as Helsinki-NLP/opus-mt-ar-en, or a folder</source>
        <translation>معرّف في المستودع مثل Helsinki-NLP/opus-mt-ar-en، أو مجلد</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>Folder…</source>
        <translation>مجلد…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74"/>
        <source>Automatic (CTranslate2 when it works)</source>
        <translation>تلقائي (CTranslate2 عند توفره)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>CTranslate2 (fast, int8)</source>
        <translation>CTranslate2 (سريع، int8)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76"/>
        <source>Transformers (PyTorch)</source>
        <translation>Transformers (PyTorch)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Model default</source>
        <translation>افتراضي النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="89"/>
        <source>Side by side</source>
        <translation>جنبًا إلى جنب</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="89"/>
        <source>Interleaved</source>
        <translation>متداخل</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98"/>
        <source>Justify the Arabic in exported PDFs (word spacing, no kashida)</source>
        <translation>ضبط النص العربي على الجانبين في ملفات PDF المُصدَّرة (بالمسافات بين الكلمات، دون كشيدة)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="102"/>
        <source>Export the Arabic without diacritics</source>
        <translation>تصدير النص العربي بلا تشكيل</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="105"/>
        <source>Model:</source>
        <translation>النموذج:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="107"/>
        <source>Engine:</source>
        <translation>المحرك:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="108"/>
        <source>Beam size:</source>
        <translation>حجم الحزمة:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="109"/>
        <source>Batch size:</source>
        <translation>حجم الدفعة:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="110"/>
        <source>PDF layout:</source>
        <translation>تخطيط PDF:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="111"/>
        <source>PDF page size:</source>
        <translation>حجم صفحة PDF:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113"/>
        <source>Export:</source>
        <translation>التصدير:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="126"/>
        <source>Choose a MarianMT model folder</source>
        <translation>اختر مجلد نموذج MarianMT</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../ui/split_dialog.py" line="53"/>
        <source>Split Sentence</source>
        <translation>قسمة الجملة</translation>
    </message>
    <message>
        <location filename="../../ui/split_dialog.py" line="57"/>
        <source>Split after a punctuation mark:</source>
        <translation>اقسم بعد علامة ترقيم:</translation>
    </message>
    <message>
        <location filename="../../ui/split_dialog.py" line="67"/>
        <source>Or click between two words, then press Split:</source>
        <translation>أو انقر بين كلمتين، ثم اضغط «اقسم»:</translation>
    </message>
    <message>
        <location filename="../../ui/split_dialog.py" line="86"/>
        <source>Split</source>
        <translation>اقسم</translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <location filename="../../ui/translation_controller.py" line="265"/>
        <source>loading the model was cancelled</source>
        <translation>أُلغي تحميل النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/translation_controller.py" line="384"/>
        <source>Loading the translation model {model}…</source>
        <translation>جارٍ تحميل نموذج الترجمة {model}…</translation>
    </message>
</context>
<context>
    <name>TranslationImport</name>
    <message>
        <location filename="../../ui/translation_import.py" line="104"/>
        <location filename="../../ui/translation_import.py" line="203"/>
        <source>Import Translation</source>
        <translation>استيراد ترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/translation_import.py" line="106"/>
        <source>English translation ({patterns})</source>
        <translation>ترجمة إنجليزية ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/translation_import.py" line="149"/>
        <location filename="../../ui/translation_import.py" line="184"/>
        <source>Import cancelled.</source>
        <translation>أُلغي الاستيراد.</translation>
    </message>
    <message>
        <location filename="../../ui/translation_import.py" line="152"/>
        <source>Aligning the translation…</source>
        <translation>جارٍ مطابقة الترجمة…</translation>
    </message>
    <message>
        <location filename="../../ui/translation_import.py" line="152"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/translation_import.py" line="189"/>
        <source>The translation had nothing to add to this document.</source>
        <translation>لم يكن في الترجمة ما يُضاف إلى هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../ui/translation_import.py" line="195"/>
        <source>Imported: {rows} rows show the translation, {low} to review (F6); Ctrl+Z undoes.</source>
        <translation>استُوردت الترجمة: {rows} صفًا تعرضها، و{low} للمراجعة (F6)؛ Ctrl+Z للتراجع.</translation>
    </message>
    <message>
        <location filename="../../ui/translation_import.py" line="201"/>
        <source>the translation could not be aligned</source>
        <translation>تعذّرت مطابقة الترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/translation_import.py" line="216"/>
        <source>No imported row to review.</source>
        <translation>لا صف مستورد للمراجعة.</translation>
    </message>
</context>
<context>
    <name>TranslationStatus</name>
    <message>
        <location filename="../../ui/translation_status.py" line="42"/>
        <location filename="../../ui/translation_status.py" line="62"/>
        <source>The translation model in use</source>
        <translation>نموذج الترجمة المستخدم</translation>
    </message>
    <message>
        <location filename="../../ui/translation_status.py" line="49"/>
        <source>Translation stopped</source>
        <translation>توقفت الترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/translation_status.py" line="74"/>
        <source>waiting for the translation model…</source>
        <translation>بانتظار نموذج الترجمة…</translation>
    </message>
    <message>
        <location filename="../../ui/translation_status.py" line="75"/>
        <source>translating…</source>
        <translation>جارٍ الترجمة…</translation>
    </message>
    <message>
        <location filename="../../ui/translation_status.py" line="76"/>
        <source>no translation model</source>
        <translation>لا يوجد نموذج ترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/translation_status.py" line="78"/>
        <source>not translated yet</source>
        <translation>لم تُترجم بعد</translation>
    </message>
    <message>
        <location filename="../../ui/translation_status.py" line="96"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/translation_status.py" line="97"/>
        <source>Downloading the model</source>
        <translation>تنزيل النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/translation_status.py" line="64"/>
        <location filename="../../ui/translation_status.py" line="116"/>
        <source>Model: {model}</source>
        <translation>النموذج: {model}</translation>
    </message>
</context>
<context>
    <name>ViewControls</name>
    <message>
        <location filename="../../ui/view_controls.py" line="63"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../ui/view_controls.py" line="63"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../ui/view_controls.py" line="86"/>
        <source>No headings in this document: the Contents has nothing to list</source>
        <translation>لا عناوين في هذا المستند: ليس في جدول المحتويات ما يعرضه</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../ui/menus.py" line="68"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="70"/>
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="71"/>
        <source>&amp;Stop Opening</source>
        <translation>إي&amp;قاف الفتح</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="72"/>
        <source>Open &amp;Recent</source>
        <translation>فتح مل&amp;ف حديث</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="73"/>
        <source>&amp;Paste as New Document</source>
        <translation>&amp;لصق كمستند جديد</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="74"/>
        <source>&amp;Import Translation…</source>
        <translation>ا&amp;ستيراد ترجمة…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="76"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="77"/>
        <source>Cancel E&amp;xport</source>
        <translation>إلغاء ال&amp;تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="78"/>
        <source>Save Pro&amp;ject As…</source>
        <translation>حفظ ال&amp;مشروع باسم…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="80"/>
        <source>&amp;Settings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="82"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="273"/>
        <source>Clear Recent Files</source>
        <translation>مسح الملفات الحديثة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="276"/>
        <source>No recent files</source>
        <translation>لا ملفات حديثة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="86"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="88"/>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="89"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="91"/>
        <source>&amp;Copy Pair</source>
        <translation>&amp;نسخ الزوج</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="92"/>
        <source>Copy &amp;Arabic</source>
        <translation>نسخ ال&amp;عربية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="93"/>
        <source>Copy &amp;English</source>
        <translation>نسخ الإن&amp;جليزية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="95"/>
        <source>&amp;Edit Translation</source>
        <translation>تحرير ال&amp;ترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="96"/>
        <source>&amp;Split Sentence…</source>
        <translation>&amp;قسمة الجملة…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="97"/>
        <source>&amp;Merge with Next</source>
        <translation>&amp;دمج مع التالية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="98"/>
        <source>Merge with &amp;Previous</source>
        <translation>دمج مع ال&amp;سابقة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="100"/>
        <source>&amp;Next Flagged Sentence</source>
        <translation>الجملة المعلَّمة ال&amp;تالية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="103"/>
        <source>Pre&amp;vious Flagged Sentence</source>
        <translation>الجملة المعلَّمة ال&amp;سابقة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="106"/>
        <source>Next &amp;Uncertain Link</source>
        <translation>المطابقة غير المؤكدة ال&amp;تالية</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="109"/>
        <source>Previous Uncertain Link</source>
        <translation>المطابقة غير المؤكدة السابقة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="114"/>
        <source>First English Sentence to Row Above</source>
        <translation>أول جملة إنجليزية إلى الصف السابق</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="119"/>
        <source>Last English Sentence to Row Below</source>
        <translation>آخر جملة إنجليزية إلى الصف التالي</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="123"/>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="124"/>
        <source>Find &amp;Next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="127"/>
        <source>Find Pre&amp;vious</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="133"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="135"/>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="136"/>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="137"/>
        <source>&amp;Actual Size</source>
        <translation>الحجم ال&amp;فعلي</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="139"/>
        <source>&amp;Swap Panes</source>
        <translation>تبديل ال&amp;لوحين</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="140"/>
        <source>&amp;Contents</source>
        <translation>ال&amp;محتويات</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="141"/>
        <source>Sentence &amp;Details</source>
        <translation>&amp;تفاصيل الجملة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="142"/>
        <source>Show D&amp;iacritics</source>
        <translation>إظهار ال&amp;تشكيل</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="143"/>
        <source>&amp;Read Aloud</source>
        <translation>ال&amp;قراءة بصوت عالٍ</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="144"/>
        <source>&amp;Theme</source>
        <translation>الم&amp;ظهر</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="165"/>
        <source>Follow the &amp;System</source>
        <translation>اتباع ال&amp;نظام</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="166"/>
        <source>&amp;Light</source>
        <translation>&amp;فاتح</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="167"/>
        <source>&amp;Dark</source>
        <translation>&amp;داكن</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="148"/>
        <source>&amp;Translation</source>
        <translation>ال&amp;ترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="150"/>
        <source>&amp;Translate Remaining</source>
        <translation>ترجمة ال&amp;باقي</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="151"/>
        <source>&amp;Cancel Translation</source>
        <translation>إل&amp;غاء الترجمة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="152"/>
        <source>Retranslate &amp;Sentence</source>
        <translation>إعادة ترجمة ال&amp;جملة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="153"/>
        <source>&amp;Retry Failed</source>
        <translation>إعادة محاولة ال&amp;فاشل</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="155"/>
        <source>Choose &amp;Model Folder…</source>
        <translation>اختيار مجلد ال&amp;نموذج…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="156"/>
        <source>M&amp;odels…</source>
        <translation>ال&amp;نماذج…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="160"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="161"/>
        <source>&amp;About Bilingual Reader</source>
        <translation>&amp;عن القارئ ثنائي اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="254"/>
        <source>About Bilingual Reader</source>
        <translation>عن القارئ ثنائي اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="257"/>
        <source>Bilingual Reader shows an Arabic text beside its English translation, sentence by sentence.
Translation by a MarianMT model running on this computer.</source>
        <translation>يعرض القارئ ثنائي اللغة النص العربي بجانب ترجمته الإنجليزية، جملةً بجملة.
الترجمة بنموذج MarianMT يعمل على هذا الحاسوب.</translation>
    </message>
</context>
<context>
    <name>WorkFiles</name>
    <message>
        <location filename="../../ui/work_files.py" line="51"/>
        <source>Save Project As</source>
        <translation>حفظ المشروع باسم</translation>
    </message>
    <message>
        <location filename="../../ui/work_files.py" line="53"/>
        <source>Bilingual Reader projects (*.bireader)</source>
        <translation>مشاريع القارئ ثنائي اللغة (*.bireader)</translation>
    </message>
    <message>
        <location filename="../../ui/work_files.py" line="66"/>
        <source>Could not save {name}</source>
        <translation>تعذّر حفظ {name}</translation>
    </message>
    <message>
        <location filename="../../ui/work_files.py" line="68"/>
        <source>Saved {path}</source>
        <translation>حُفظ {path}</translation>
    </message>
</context>
</TS>
