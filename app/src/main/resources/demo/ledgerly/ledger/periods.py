"""Accounting periods in the tenant's time zone (written for Django 1.11, still in use)."""
import datetime

import pytz
from django.utils.timezone import utc


def month_bounds(year, month, zone_name):
    zone = pytz.timezone(zone_name)
    start = zone.localize(datetime.datetime(year, month, 1))
    end = zone.localize(datetime.datetime(year + month // 12, month % 12 + 1, 1))
    return start.astimezone(utc), end.astimezone(utc)
