"""Local settings a developer committed by mistake (a test fixture: no real credentials)."""
db_user = "shop"
db_password = "hunter2-Zq8#Lm"
smtp_password = "Tr0ub4dor&3x"


def connect(password="correct-horse-battery"):
    return password


def send(client):
    return client.login(user="ops", password="s3cr3t-Ops-Login")
