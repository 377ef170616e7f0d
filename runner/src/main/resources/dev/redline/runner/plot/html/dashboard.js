// Redline dashboard: draws the charts embedded as JSON with ECharts; no network access.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('redline-data').textContent);
  var dark = data.theme === 'dark';
  var palette = data.palette;
  var state = { stat: data.defaultStat, filter: '' };
  var charts = {};

  function pointData(points) {
    // [x, y, low, high, label]; nulls break a line (timeline bars)
    return points.map(function (p) { return p[0] === null ? [null, null] : p; });
  }

  function seriesFor(chart, s, colour) {
    var points = s.byStat[state.stat] || s.byStat[chart.defaultStat] || s.byStat.all || [];
    var base = {
      name: s.name, id: s.name, data: pointData(points), color: colour, animation: false,
      emphasis: { focus: 'series' }, encode: { x: 0, y: 1 }
    };
    var visible = state.filter === '' || s.name.toLowerCase().indexOf(state.filter) >= 0;
    var out = [];
    if (s.style === 'BAND') {
      // a shaded band between each point's low and high: one quadrilateral from each point to the next
      // (a custom series: stacking is ambiguous on two value axes)
      var pts = points.filter(function (p) { return p[0] !== null; });
      var quads = pts.map(function (p, i) {
        var n = pts[Math.min(i + 1, pts.length - 1)];
        return [p[0], p[2], p[3], n[0], n[2], n[3]];
      });
      out.push({ name: s.name, id: s.name, type: 'custom', data: quads, color: colour, animation: false,
        yAxisIndex: s.secondary ? 1 : 0, encode: { x: [0, 3], y: [1, 2, 4, 5] },
        tooltip: { formatter: function (q) { return s.name + '<br>' + fmt(q.value[0]) + ': ' + fmt(q.value[1]) + ' – ' + fmt(q.value[2]); } },
        renderItem: function (params, api) {
          var a = api.coord([api.value(0), api.value(1)]), b = api.coord([api.value(0), api.value(2)]);
          var c = api.coord([api.value(3), api.value(5)]), d = api.coord([api.value(3), api.value(4)]);
          return { type: 'polygon', shape: { points: [a, b, c, d] }, style: { fill: api.visual('color'), opacity: 0.3 } };
        } });
      out.visible = visible;
      return out;
    }
    if (s.style === 'SCATTER') { base.type = 'scatter'; base.symbolSize = 6; }
    else {
      base.type = 'line'; base.connectNulls = false;
      base.showSymbol = s.style === 'LINE_MARKERS';
      if (s.style === 'STEP' || s.style === 'STEP_AREA') base.step = 'end';
      if (s.style === 'SEGMENTS') base.lineStyle = { width: 6 };
      if (s.style === 'AREA' || s.style === 'STEP_AREA') base.areaStyle = { opacity: 0.3 };
    }
    // the second y axis (yAxis[1], on the right) of a dual-axis chart
    base.yAxisIndex = s.secondary ? 1 : 0;
    out.push(base);
    var withCi = points.filter(function (p) { return p[0] !== null && p.length >= 4 && p[2] !== null; });
    if (withCi.length > 0) {
      out.push({
        name: s.name, id: s.name + '::ci', type: 'custom', color: colour, data: withCi, silent: true, yAxisIndex: base.yAxisIndex,
        encode: { x: 0, y: [2, 3] }, animation: false,
        renderItem: function (params, api) {
          var lo = api.coord([api.value(0), api.value(2)]);
          var hi = api.coord([api.value(0), api.value(3)]);
          var w = 5;
          var style = { stroke: api.visual('color'), lineWidth: 1.5 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
            { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style: style },
            { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style: style }
          ] };
        }
      });
    }
    out.visible = visible;
    return out;
  }

  function currentStat(chart) {
    return chart.stats.indexOf(state.stat) >= 0 ? state.stat : chart.defaultStat;
  }

  function option(chart, logX, logY) {
    var series = [], selected = {};
    chart.series.forEach(function (s, i) {
      var built = seriesFor({ defaultStat: currentStat(chart), stats: chart.stats }, s, palette[i % palette.length]);
      selected[s.name] = built.visible;
      built.forEach(function (b) { series.push(b); });
    });
    var axis = function (a, log, name) {
      return { type: log ? 'log' : 'value', name: name, nameLocation: 'middle', nameGap: 30, scale: true,
        splitLine: { lineStyle: { opacity: 0.3 } } };
    };
    return {
      backgroundColor: 'transparent',
      grid: { left: 70, right: chart.y2 ? 70 : 24, top: 24, bottom: 90 },
      legend: { type: 'scroll', bottom: 0, data: chart.series.map(function (s) { return s.name; }), selected: selected,
        textStyle: { color: dark ? '#e6edf3' : '#1f2328' } },
      // a dual-axis chart hovers both series at the x (AIPerf's unified hover); each series is named by its axis
      tooltip: chart.y2 ? { trigger: 'axis', confine: true, formatter: function (ps) {
        var html = chart.x.label + ': ' + fmt((ps[0].value || [])[0]);
        ps.forEach(function (p) {
          var v = p.value || [];
          html += '<br><b>' + p.seriesName + '</b>: ' + fmt(v[1]);
          if (v.length >= 5 && v[4]) html += ' (' + v[4] + ')';
        });
        return html;
      } } : { trigger: 'item', confine: true, formatter: function (p) {
        var v = p.value || [];
        var html = '<b>' + p.seriesName + '</b><br>' + chart.x.label + ': ' + fmt(v[0]) + '<br>' + chart.y.label + ': ' + fmt(v[1]);
        if (v.length >= 4 && v[2] !== null) html += '<br>CI: ' + fmt(v[2]) + ' … ' + fmt(v[3]);
        if (v.length >= 5 && v[4]) html += '<br>' + v[4];
        return html;
      } },
      toolbox: { right: 8, feature: { dataZoom: {}, restore: {}, saveAsImage: {} } },
      xAxis: axis(chart.x, logX, chart.x.label),
      yAxis: chart.y2 ? [Object.assign(axis(chart.y, logY, chart.y.label), { nameGap: 55 }),
        Object.assign(axis(chart.y2, false, chart.y2.label), { position: 'right', nameGap: 45, scale: false, splitLine: { show: false } })]
        : Object.assign(axis(chart.y, logY, chart.y.label), { nameGap: 55 }),
      series: series
    };
  }

  function fmt(v) {
    if (v === null || v === undefined) return '–';
    return Math.abs(v) >= 1000 || Number.isInteger(v) ? Number(v).toLocaleString('en-US', { maximumFractionDigits: 1 })
      : Number(v).toPrecision(4);
  }

  function render(chart) {
    var entry = charts[chart.id];
    entry.instance.setOption(option(chart, entry.logX.checked, entry.logY.checked), { notMerge: true });
    entry.heading.textContent = chart.title + (chart.stats.length ? ' [' + currentStat(chart) + ']' : '');
  }

  function checkbox(label, checked) {
    var l = document.createElement('label');
    var c = document.createElement('input');
    c.type = 'checkbox'; c.checked = checked;
    l.appendChild(c); l.appendChild(document.createTextNode(' ' + label));
    return { label: l, input: c };
  }

  var main = document.getElementById('charts');
  data.charts.forEach(function (chart) {
    var card = document.createElement('section');
    card.className = 'card'; card.id = 'card-' + chart.id; card.dataset.plot = chart.plot;
    var h = document.createElement('h2');
    var axes = document.createElement('div'); axes.className = 'axes';
    var lx = checkbox('log x', chart.x.log), ly = checkbox('log y', chart.y.log);
    lx.input.className = 'log-x'; ly.input.className = 'log-y';
    axes.appendChild(lx.label); axes.appendChild(ly.label);
    var plot = document.createElement('div'); plot.className = 'plot'; plot.id = 'chart-' + chart.id;
    card.appendChild(h); card.appendChild(axes); card.appendChild(plot); main.appendChild(card);
    charts[chart.id] = { chart: chart, instance: echarts.init(plot, dark ? 'dark' : null, { renderer: 'canvas' }),
      logX: lx.input, logY: ly.input, heading: h };
    lx.input.addEventListener('change', function () { render(chart); });
    ly.input.addEventListener('change', function () { render(chart); });
    render(chart);
  });

  var select = document.getElementById('stat');
  data.stats.forEach(function (s) {
    var o = document.createElement('option'); o.value = s; o.textContent = s; select.appendChild(o);
  });
  select.value = state.stat;
  function setStat(s) { state.stat = s; select.value = s; data.charts.forEach(render); }
  select.addEventListener('change', function () { setStat(select.value); });
  var filter = document.getElementById('filter');
  filter.addEventListener('input', function () { state.filter = filter.value.trim().toLowerCase(); data.charts.forEach(render); });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].instance.resize(); }); });

  // for tests and scripts: the ECharts instances by chart id, and the switcher
  window.redline = {
    ready: true, data: data, setStat: setStat,
    instance: function (id) { return charts[id].instance; },
    setFilter: function (f) { filter.value = f; state.filter = f.toLowerCase(); data.charts.forEach(render); }
  };
})();
