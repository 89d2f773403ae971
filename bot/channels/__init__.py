"""Custom Rasa input channels served by the Rasa server itself (web chat, WeChat, staff console)."""
