"""The Celery app as a worker loads it: JSON only, late acknowledgement, beat schedule."""

from celery.schedules import crontab

from network_portal import celery_app, outbox_delivery


def test_celery_app_accepts_json_only():
    assert celery_app.conf.accept_content == ["json"]
    assert celery_app.conf.task_serializer == "json"
    assert celery_app.conf.result_serializer == "json"


def test_celery_app_acknowledges_late_and_requeues_on_worker_loss():
    assert celery_app.conf.task_acks_late is True
    assert celery_app.conf.task_reject_on_worker_lost is True
    assert celery_app.conf.worker_prefetch_multiplier == 1


def test_celery_app_time_limits_set_soft_below_hard():
    assert celery_app.conf.task_time_limit == 5 * 60
    assert celery_app.conf.task_soft_time_limit == 4 * 60


def test_celery_app_visibility_timeout_longer_than_time_limit():
    visibility_timeout = celery_app.conf.broker_transport_options["visibility_timeout"]
    assert visibility_timeout > celery_app.conf.task_time_limit


def test_celery_app_visibility_timeout_longer_than_longest_retry_countdown():
    # Redis hands an unacknowledged ETA task to a second worker once the timeout passes.
    visibility_timeout = celery_app.conf.broker_transport_options["visibility_timeout"]
    longest = outbox_delivery.RETRY_BASE_SECONDS / 2 + outbox_delivery.RETRY_MAX_SECONDS
    assert max(outbox_delivery.retry_delay(attempts) for attempts in range(1, 30)) <= longest
    assert visibility_timeout > longest


def test_celery_app_broker_is_redis_and_not_eager(settings):
    assert celery_app.conf.broker_url == settings.REDIS_URL
    assert celery_app.conf.broker_url.startswith("redis://")
    assert celery_app.conf.task_always_eager is False


def test_celery_app_beat_schedule_sweeps_outbox_every_five_minutes():
    entry = celery_app.conf.beat_schedule["outbox-sweep"]
    assert entry["task"] == "network_portal.outbox_sweep"
    assert entry["schedule"] == crontab(minute="*/5")


def test_celery_app_beat_tasks_registered_after_autodiscovery():
    celery_app.loader.import_default_modules()  # what a worker and beat do on start
    scheduled = {entry["task"] for entry in celery_app.conf.beat_schedule.values()}
    assert scheduled <= set(celery_app.tasks)
    assert "network_portal.deliver_mails" in celery_app.tasks
    assert "network_portal.deliver_mail" in celery_app.tasks  # queued before batches
