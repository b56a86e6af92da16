"""Indexes for the public ranking at national scale (issue 21): a deep page of the default
order reads ids from one index only; the size, area and sector filters read rows in rank
order and count by index. The new rank index (its prefix) comes first, then the old one goes.
Plain AddIndex (a lock on writes while each is built; the table is a read model rebuilt by
the ranking task, and building them on 3 million rows takes well under a minute)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('enterprises', '0011_search_text_trigram_index'),
        ('honors', '0007_merge_20261201_0959'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='rankingentry',
            index=models.Index(fields=['year', 'framework_code', 'consent', 'rank', 'name', 'id'], name='honors_rank_name_idx'),
        ),
        migrations.AddIndex(
            model_name='rankingentry',
            index=models.Index(fields=['year', 'framework_code', 'consent', 'size_class', 'rank', 'name', 'id'], name='honors_size_idx'),
        ),
        migrations.AddIndex(
            model_name='rankingentry',
            index=models.Index(fields=['year', 'framework_code', 'consent', 'area', 'rank'], name='honors_area_idx'),
        ),
        migrations.AddIndex(
            model_name='rankingentry',
            index=models.Index(fields=['year', 'framework_code', 'consent', 'sector', 'rank'], name='honors_sector_idx'),
        ),
        migrations.RemoveIndex(
            model_name='rankingentry',
            name='honors_rank_idx',
        ),
    ]
