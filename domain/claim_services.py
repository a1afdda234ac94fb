"""The Office 365 services a claim can name (domain/claims.py), in a module of their own so
the command line lists them in its help without loading the claim rules (issue 17)."""

SERVICES = ("exchange-online", "sharepoint-online", "onedrive", "teams", "m365-apps")
