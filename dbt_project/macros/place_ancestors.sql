{#-
    Each entity with the places it lies within, up to three levels up (a county's city, province and
    country), and how many levels up each is: the one walk of the catalog's parent_entity_id the
    models share. `entities` is a relation with the catalog's entity_id and parent_entity_id.
-#}
{% macro place_ancestors(entities) -%}
    select entity_id, parent_entity_id as ancestor_id, 1 as generation
    from {{ entities }}
    where parent_entity_id is not null
    union all
    select place.entity_id, parent.parent_entity_id as ancestor_id, 2 as generation
    from {{ entities }} as place
    inner join {{ entities }} as parent on parent.entity_id = place.parent_entity_id
    where parent.parent_entity_id is not null
    union all
    select place.entity_id, grandparent.parent_entity_id as ancestor_id, 3 as generation
    from {{ entities }} as place
    inner join {{ entities }} as parent on parent.entity_id = place.parent_entity_id
    inner join {{ entities }} as grandparent on grandparent.entity_id = parent.parent_entity_id
    where grandparent.parent_entity_id is not null
{%- endmacro %}
