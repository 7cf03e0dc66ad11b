"""依申请公开: disclosure applications from intake to reply and archive."""
