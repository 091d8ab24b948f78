"""What the reader keeps of the user's work between sessions (no Qt)."""
