/* Unit tests of label_place with real fonts: no overlaps, all inside the frame, the
 * highest priority placed, and a reason for every label dropped. */
#include <stdlib.h>

#include "check.h"
#include "label/label_place.h"

static void request(cm_labeler *l, const char *text, double x, double y, double prio)
{
    cm_item it = {0};
    it.kind = CM_ITEM_TEXT;
    it.text = cm_strdup(text);
    it.font = cm_strdup("Noto Sans, WenQuanYi Micro Hei");
    it.feature_id = cm_strdup(text);
    it.size_px = 14;
    it.halo_px = 2;
    it.fill = (cm_color){0, 0, 0, 1};
    cm_labeler_add_point(l, &it, x, y, 4, prio);
}

int main(void)
{
    cm_text *text = cm_text_new();
    cm_labeler l;
    cm_scene_layer out = {0};
    cm_error err = CM_ERROR_INIT;
    cm_labeler_init(&l, 300, 200);
    /* a crowd around one spot, and one near the frame's edge */
    for (int i = 0; i < 30; i++) {
        char name[32];
        snprintf(name, sizeof name, "Place %d", i);
        request(&l, name, 150 + (i % 5) * 3, 100 + (i / 5) * 3, i == 17 ? 100 : i);
    }
    request(&l, "Зарубино 扎鲁比诺", 295, 5, 0);
    cm_labeler_add_obstacle(&l, (cm_box){0, 0, 60, 40});
    CHECK(cm_labeler_place(&l, text, &out, &err) == CM_OK);
    CHECK(l.nresults == 31);
    size_t placed = 0;
    for (size_t i = 0; i < out.count; i++) {
        const cm_box *b = &out.items[i].box;
        CHECK(b->x0 >= 0 && b->y0 >= 0 && b->x1 <= 300 && b->y1 <= 200);
        CHECK(!cm_box_overlap(b, &(cm_box){0, 0, 60, 40}));
        for (size_t k = 0; k < i; k++)
            CHECK(!cm_box_overlap(b, &out.items[k].box));
        placed++;
    }
    CHECK(placed > 3 && placed < 31);
    /* the highest priority goes first, in its preferred place: upper right */
    CHECK_STR(out.items[0].text, "Place 17");
    CHECK(out.items[0].box.x0 > 150 + 2 * 3 && out.items[0].box.y1 < 100 + 3 * 3);
    int cyr = 0;
    for (size_t i = 0; i < l.nresults; i++) {
        if (!l.results[i].placed)
            CHECK(l.results[i].reason && *l.results[i].reason);
        if (!strcmp(l.results[i].text, "Зарубино 扎鲁比诺"))
            cyr = l.results[i].placed ? 1 : -1;
    }
    CHECK(cyr == 1); /* it fits to the lower left of its point */
    for (size_t i = 0; i < out.count; i++) {
        free(out.items[i].text);
        free(out.items[i].font);
        free(out.items[i].feature_id);
        free(out.items[i].name);
        free(out.items[i].css_class);
    }
    free(out.items);
    cm_labeler_free(&l);
    cm_text_free(text);
    cm_error_clear(&err);
    return check_done("test_label_place");
}
