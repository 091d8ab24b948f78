"""A fully vocalised Arabic text with hand-written English, for the PDF extraction tests.

What learners, children's books, poetry and the Quran are printed in: every letter carries its
vowel. Written to cover each kind of mark that broke the PDF's text (issue 28):

- shadda with a vowel (``مُحَمَّدٌ``, ``ٱلرَّحِيمِ``), and tanween before punctuation
  (``مَسَاءً.``, ``رَجُلًا؟``, ``جَمِيلٍ!``, ``نُورٌ،``);
- the dagger (superscript) alef U+0670 (``هَٰذَا``, ``ٱلرَّحْمَٰنِ``, ``عَلَىٰ``, ``إِلَىٰ``);
- the lafz al-jalala ligature, lam-lam-heh (``ٱللَّهِ``, ``لِلَّهِ``, ``بِٱللَّهِ``, ``ٱللَّهُمَّ``);
- hamza and madda with vowels (``سُؤَالًا``, ``شَيْءٍ``, ``ٱلذِّئْبُ``, ``آمَنَ``, ``ٱلْآنَ``, ``ءَامَنُوا``),
  lam-alef with marks (``لِأَنَّ``, ``ٱلْإِسْلَامُ``);
- the Quranic marks U+06D6–U+06ED (pause signs, the end of an ayah with its number, small
  letters, the signs of imala, ishmam and tashil) and alef wasla;
- marks beside digits, European and Arabic-Indic (``وَ١٢``, ``عَامَ ١٩٤٥،``), brackets and «…»
  quotes; every word is vowelled, so each wrapped line starts and ends with a marked letter.

``VOCALISED`` holds one (Arabic, English) pair per sentence; each Arabic sentence is a paragraph
of its own, and :func:`vocalised_document` checks that the segmenter keeps each whole.
"""

from __future__ import annotations

from reader.formats.plain_text import build_text_document
from reader.model import Document, SegmentResult

VOCALISED: tuple[tuple[str, str], ...] = (
    # Al-Fatiha, in the Uthmani spelling (alef wasla, dagger alef, maddah above).
    ("بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ۝١", "In the name of God, the Most Gracious, the Most Merciful (1)"),
    ("ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ ۝٢", "Praise be to God, Lord of the worlds (2)"),
    ("مَٰلِكِ يَوْمِ ٱلدِّينِ ۝٤", "Master of the Day of Judgement (4)"),
    ("إِيَّاكَ نَعْبُدُ وَإِيَّاكَ نَسْتَعِينُ ۝٥", "You alone we worship, and You alone we ask for help (5)"),
    (
        "صِرَٰطَ ٱلَّذِينَ أَنْعَمْتَ عَلَيْهِمْ غَيْرِ ٱلْمَغْضُوبِ عَلَيْهِمْ وَلَا ٱلضَّآلِّينَ ۝٧",
        "The path of those You have blessed, not of those who earn anger, nor of those who go astray (7)",
    ),
    # Al-Ikhlas: small waw U+06E5 and small high meem U+06E2 after a tanween.
    ("وَلَمْ يَكُن لَّهُۥ كُفُوًا أَحَدٌۢ ۝٤", "And there is none comparable to Him (4)"),
    # Pause signs standing between words, as printed mushafs write them.
    (
        "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ ۝٢",
        "This is the Book in which there is no doubt, a guidance for the God-fearing (2)",
    ),
    (
        "ٱللَّهُ لَآ إِلَٰهَ إِلَّا هُوَ ٱلْحَىُّ ٱلْقَيُّومُ ۚ لَا تَأْخُذُهُۥ سِنَةٌۭ وَلَا نَوْمٌۭ ۚ",
        "God, there is no god but He, the Living, the Sustainer; neither drowsiness nor sleep overtakes Him",
    ),
    # A tajweed lesson: each Quranic mark on the word it is taught with.
    (
        "تُكْتَبُ ۖ فَوْقَ ٱلْكَلِمَةِ إِذَا كَانَ ٱلْوَصْلُ أَوْلَىٰ، وَتُكْتَبُ ۗ إِذَا كَانَ ٱلْوَقْفُ أَوْلَىٰ.",
        "The small sad-lam is written over the word when going on is better, and the small qaf-lam when stopping is better.",
    ),
    (
        "وَعَلَامَةُ ٱلْوَقْفِ ٱللَّازِمِ مِيمٌ صَغِيرَةٌ ۘ، وَعَلَامَةُ مَنْعِهِ ۙ، وَٱلسَّكْتَةُ سِينٌ صَغِيرَةٌ ۜ.",
        "The sign of the compulsory stop is a small meem, the sign that forbids it a small lam-alef, and the pause a small seen.",
    ),
    (
        "يُوضَعُ ۞ عِنْدَ بِدَايَةِ كُلِّ رُبْعِ حِزْبٍ، وَيُوضَعُ ۩ عِنْدَ مَوْضِعِ ٱلسَّجْدَةِ.",
        "The star stands at the start of each quarter of a hizb, and the arch where one prostrates.",
    ),
    (
        "ٱلصِّفْرُ ٱلْمُسْتَدِيرُ فِي «قَالُوا۟» يَدُلُّ عَلَى حَرْفٍ لَا يُنْطَقُ، وَٱلْمُسْتَطِيلُ فِي «أَنَا۠» يُنْطَقُ وَقْفًا.",
        "The round zero in «qalu» marks a letter that is not spoken, and the upright one in «ana» one spoken in a pause.",
    ),
    (
        "رَأْسُ ٱلْخَاءِ فِي «قُلْۡ» سُكُونٌ، وَٱلسِّينُ ٱلصَّغِيرَةُ فِي «ٱلْمُصَۣيْطِرُونَ» تُقْرَأُ صَادًا.",
        "The head of khah in «qul» is a sukun, and the small seen in «al-musaytirun» is read as a sad.",
    ),
    (
        "وَفِي «مَجْر۪ىٰهَا» إِمَالَةٌ، وَفِي «تَأْمَ۫نَّا» إِشْمَامٌ، وَفِي «ءَا۬عْجَمِىٌّ» تَسْهِيلٌ.",
        "«Majraha» has imala, «ta'manna» has ishmam, and «a'jamiyyun» has tashil.",
    ),
    (
        "وَنَرَى ٱلْيَاءَ ٱلصَّغِيرَةَ فِي «إِۦلَٰفِهِمْ» وَ«ٱلنَّبِيِّۧنَ»، وَٱلنُّونَ فِي «نُـۨجِى»، وَٱلْمِيمَ تَحْتَ «أَمَدًۭا».",
        "We see the small yeh in «ilafihim» and «al-nabiyyin», the noon in «nunji», and the meem under «amadan».",
    ),
    (
        "وَقَدْ تُكْتَبُ ٱلْمَدَّةُ ٱلصَّغِيرَةُ ۤ بَدَلَ ٱلْمَدَّةِ فِي «جَآءَ».",
        "The small high madda is sometimes written for the madda in «ja'a».",
    ),
    # Learners' sentences: tanween, shadda, hamza and madda beside punctuation and digits.
    (
        "ذَهَبَ مُحَمَّدٌ إِلَى ٱلْمَدْرَسَةِ صَبَاحًا، وَعَادَ مَسَاءً.",
        "Muhammad went to school in the morning and came back in the evening.",
    ),
    (
        "سَأَلَ ٱلْمُعَلِّمُ سُؤَالًا، فَأَجَابَ ٱلطُّلَّابُ بِسُرْعَةٍ.",
        "The teacher asked a question, and the pupils answered quickly.",
    ),
    ("هَٰذَا كِتَابٌ جَدِيدٌ، وَذَٰلِكَ قَلَمٌ قَدِيمٌ.", "This is a new book, and that is an old pen."),
    ("قَرَأَ ٱلطِّفْلُ ٱلْقُرْآنَ، ثُمَّ شَرِبَ مَاءً بَارِدًا.", "The child read the Quran, then drank cold water."),
    ("هَلْ رَأَيْتَ رَجُلًا فِي ٱلسُّوقِ؟", "Did you see a man in the market?"),
    ("يَا لَهُ مِنْ يَوْمٍ جَمِيلٍ!", "What a beautiful day!"),
    ("لِمَاذَا تَأَخَّرْتَ يَا عَلِيُّ؟", "Why are you late, Ali?"),
    ("وُلِدَ جَدِّي عَامَ ١٩٤٥، وَعَاشَ ٨٠ سَنَةً.", "My grandfather was born in 1945 and lived for 80 years."),
    ("فِي ٱلصَّفِّ ٣٠ طَالِبًا وَ١٢ طَالِبَةً.", "There are 30 boys and 12 girls in the class."),
    ("تَبْدَأُ ٱلدِّرَاسَةُ فِي ٱلسَّاعَةِ ٨:٣٠ صَبَاحًا.", "Lessons begin at 8:30 in the morning."),
    (
        "تَشْرَحُ ٱلصَّفْحَةُ ٤٥ (ٱلْفَصْلُ ٱلثَّانِي) قَوَاعِدَ ٱلْهَمْزَةِ.",
        "Page 45 (the second chapter) explains the rules of the hamza.",
    ),
    ("ثَمَنُ ٱلْكِتَابِ ٢٥٠ رِيَالًا، وَثَمَنُ ٱلْقَلَمِ 15 رِيَالًا.", "The book costs 250 riyals, and the pen 15 riyals."),
    (
        "قَالَتْ أُمِّي: «ٱلْعِلْمُ نُورٌ، وَٱلْجَهْلُ ظَلَامٌ».",
        'My mother said: "Knowledge is light, and ignorance is darkness."',
    ),
    ("قَالَ ٱلشَّيْخُ: «إِنَّ ٱللَّهَ جَمِيلٌ يُحِبُّ ٱلْجَمَالَ».", 'The sheikh said: "God is beautiful and loves beauty."'),
    ("ٱلْحَمْدُ لِلَّهِ عَلَىٰ كُلِّ حَالٍ.", "Praise be to God in every state."),
    ("ٱللَّهُمَّ ٱرْزُقْنَا عِلْمًا نَافِعًا.", "O God, grant us useful knowledge."),
    (
        "سُبْحَانَ ٱللَّهِ وَبِحَمْدِهِ، سُبْحَانَ ٱللَّهِ ٱلْعَظِيمِ.",
        "Glory be to God and His is the praise, glory be to God the Almighty.",
    ),
    ("بِٱللَّهِ عَلَيْكَ، لَا تَتَأَخَّرْ!", "For God's sake, don't be late!"),
    ("جَاءَ ٱلْمَسْؤُولُ بِشَيْءٍ غَرِيبٍ.", "The official brought something strange."),
    ("آمَنَ ٱلْمُؤْمِنُونَ بِرَبِّهِمْ، وَآتَوُا ٱلزَّكَاةَ.", "The believers believed in their Lord and gave alms."),
    ("رَأَى ٱلذِّئْبُ ظِلَّهُ فِي مَاءِ ٱلْبِئْرِ.", "The wolf saw its shadow in the water of the well."),
    (
        "نَحْنُ ٱلْآنَ نَدْرُسُ ٱلْإِسْلَامَ لِأَنَّهُ دِينُ آبَائِنَا.",
        "We are now studying Islam because it is the religion of our fathers.",
    ),
    ("سَلَامٌ عَلَيْكُمْ وَرَحْمَةُ ٱللَّهِ وَبَرَكَاتُهُ.", "Peace be upon you, and the mercy of God and His blessings."),
    ("إِنَّ مَعَ ٱلْعُسْرِ يُسْرًا.", "Truly, with hardship comes ease."),
    # Poetry: al-Mutanabbi and Ahmad Shawqi.
    (
        "ٱلْخَيْلُ وَٱللَّيْلُ وَٱلْبَيْدَاءُ تَعْرِفُنِي، وَٱلسَّيْفُ وَٱلرُّمْحُ وَٱلْقِرْطَاسُ وَٱلْقَلَمُ.",
        "The horses, the night and the desert know me, and the sword, the spear, the paper and the pen.",
    ),
    (
        "قُمْ لِلْمُعَلِّمِ وَفِّهِ ٱلتَّبْجِيلَا، كَادَ ٱلْمُعَلِّمُ أَنْ يَكُونَ رَسُولَا.",
        "Stand for the teacher and give him full honour; the teacher is almost a messenger.",
    ),
)

ARABIC = tuple(arabic for arabic, _english in VOCALISED)
ENGLISH = tuple(english for _arabic, english in VOCALISED)


def vocalised_document() -> Document:
    """:data:`VOCALISED` as a translated document, one paragraph per sentence."""
    document = build_text_document("\n".join(ARABIC), "vocalised.ar.txt", guess_structure=False)
    texts = tuple(segment.text for segment in document.segments)
    if texts != ARABIC:
        raise AssertionError(
            f"the segmenter split the vocalised text: {len(texts)} segments, not {len(ARABIC)}"
        )
    document.apply_results(
        SegmentResult(s.id, s.revision, english)
        for s, english in zip(document.segments, ENGLISH, strict=True)
    )
    return document
