import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const urls=['/zh/','/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin','/zh/news/5g-shiyanshi-jiepai-qiyong','/zh/news/xiaoyezi-zhiyuanzhe-jinbohui','/zh/news/zhong-de-gongcheng-jiaoyu-hezuo-luntan','/zh/news/jungonglu-xiaoqu-xin-tushuguan-qiyong','/zh/news/guangxue-gongcheng-xueshu-nianhui-2023','/zh/speakers','/zh/saved','/zh/search?q=上海','/zh/nope'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const w of [320,390,1280]) {
const ctx = await browser.newContext({ viewport:{width:w,height:800} });
const page = await ctx.newPage();
for (const u of urls) {
  await page.goto(B+u,{waitUntil:'load'}); await page.waitForTimeout(200);
  const r = await page.evaluate(()=>{
    const bad=[]; const lines=[];
    const w=document.createTreeWalker(document.querySelector('#shell')||document.body, NodeFilter.SHOW_TEXT);
    // collect chars with positions
    const chars=[];
    let n; while((n=w.nextNode())){ const p=n.parentElement; if(!p||p.closest('script,style,template,noscript,.visually-hidden,[hidden]')) continue;
      for (let i=0;i<n.data.length;i++){ const ch=n.data[i]; if(/\s/.test(ch)) continue; const rg=document.createRange(); rg.setStart(n,i); rg.setEnd(n,i+1); const rc=rg.getClientRects()[0]; if(!rc||rc.width===0) continue; chars.push({ch, x:rc.left, y:Math.round(rc.top), block: p.closest('p,h1,h2,li,figcaption,span.speech__caption,div,a')}); } }
    for (let i=1;i<chars.length;i++){ const a=chars[i-1], b=chars[i]; if (b.y>a.y+2 && a.block===b.block) { // line break within same block
        if (/[，。、；：！？）」』”》〉…—]/.test(b.ch)) bad.push('START '+b.ch+' :: '+chars.slice(Math.max(0,i-8),i+4).map(c=>c.ch).join(''));
        if (/[“（「『《〈]/.test(a.ch)) bad.push('END '+a.ch+' :: '+chars.slice(Math.max(0,i-8),i+4).map(c=>c.ch).join(''));
        if (/[A-Za-z0-9]/.test(a.ch)&&/[A-Za-z0-9]/.test(b.ch)) bad.push('LATINSPLIT :: '+chars.slice(Math.max(0,i-8),i+4).map(c=>c.ch).join(''));
    }}
    return bad;
  });
  if (r.length) console.log(w,u,r);
}
await ctx.close();
}
await browser.close();
console.log('done');
