"""The model manager: which Arabic→English checkpoints exist, which are installed, and getting or
dropping them (download with verification, CTranslate2 conversion, import, removal).

Qt-free and network-free until asked: nothing here runs at start-up. Downloads go through
:mod:`reader.translate.model_download` (huggingface_hub's cache, ``HF_ENDPOINT`` honoured).
"""
