/* png_probe: prints "R G B" for each x,y argument of a PNG, or the largest distance from
 * a colour within a radius: the rendering tests' way of reading pixels. */
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* usage: png_probe FILE.png X Y [X Y ...]
 *        png_probe A.png --diff B.png
 *        png_probe FILE.png --near X Y R RRGGBB   (prints the smallest colour distance
 *        to RRGGBB among pixels within R of X,Y) */
int main(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    cairo_surface_t *s = cairo_image_surface_create_from_png(argv[1]);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "png_probe: cannot read %s\n", argv[1]);
        return 2;
    }
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *d = cairo_image_surface_get_data(s);
#define PX(x, y) ((const unsigned char *)(d + (size_t)(y)*stride + (size_t)(x)*4))
    if (!strcmp(argv[2], "--diff") && argc == 4) {
        /* the share of pixels whose colour differs by more than 64 in a channel */
        cairo_surface_t *o = cairo_image_surface_create_from_png(argv[3]);
        if (cairo_surface_status(o) != CAIRO_STATUS_SUCCESS ||
            cairo_image_surface_get_width(o) != w || cairo_image_surface_get_height(o) != h) {
            fprintf(stderr, "png_probe: %s is unreadable or of another size\n", argv[3]);
            return 2;
        }
        const unsigned char *e = cairo_image_surface_get_data(o);
        int ostride = cairo_image_surface_get_stride(o);
        long differ = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                const unsigned char *p = PX(x, y), *q = e + (size_t)y * ostride + (size_t)x * 4;
                for (int c = 0; c < 3; c++)
                    if (abs(p[c] - q[c]) > 64) {
                        differ++;
                        break;
                    }
            }
        printf("%.5f\n", (double)differ / ((double)w * h));
        cairo_surface_destroy(o);
        cairo_surface_destroy(s);
        return 0;
    }
    if (!strcmp(argv[2], "--near") && argc == 7) {
        double cx = atof(argv[3]), cy = atof(argv[4]), r = atof(argv[5]);
        unsigned rgb = (unsigned)strtoul(argv[6], NULL, 16);
        int tr = (rgb >> 16) & 255, tg = (rgb >> 8) & 255, tb = rgb & 255;
        double best = 1e9;
        for (int y = (int)(cy - r); y <= (int)(cy + r); y++)
            for (int x = (int)(cx - r); x <= (int)(cx + r); x++) {
                if (x < 0 || y < 0 || x >= w || y >= h || hypot(x - cx, y - cy) > r)
                    continue;
                const unsigned char *p = PX(x, y); /* BGRA in memory, premultiplied, opaque */
                double dist = sqrt(pow(p[2] - tr, 2) + pow(p[1] - tg, 2) + pow(p[0] - tb, 2));
                best = fmin(best, dist);
            }
        printf("%.1f\n", best);
        cairo_surface_destroy(s);
        return 0;
    }
    for (int i = 2; i + 1 < argc; i += 2) {
        int x = (int)floor(atof(argv[i])), y = (int)floor(atof(argv[i + 1]));
        if (x < 0 || y < 0 || x >= w || y >= h) {
            printf("outside\n");
            continue;
        }
        const unsigned char *p = PX(x, y);
        printf("%d %d %d\n", p[2], p[1], p[0]);
    }
    cairo_surface_destroy(s);
    return 0;
}
