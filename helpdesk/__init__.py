"""The helpdesk's work besides transcripts: hand-offs to a person, and questions the bot could not answer."""
